package dev.instructgen.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A scripted teacher on WireMock in either wire format (OpenAI's /v1/chat/completions or Ollama's /api/chat):
 * a request whose prompt contains a phrase gets the reply scripted for it; the most specific script wins by
 * priority. For method tests that need exact replies rather than {@link FakeTeacherServer}'s synthetic ones.
 */
public final class WireMockTeacher {

    private final WireMockServer server;
    private final boolean ollama;

    public WireMockTeacher(WireMockServer server, boolean ollama) {
        this.server = server;
        this.ollama = ollama;
        server.stubFor(get(ollama ? "/api/tags" : "/v1/models").willReturn(okJson(ollama
                ? "{\"models\":[{\"name\":\"wire-test\",\"model\":\"wire-test\"}]}"
                : "{\"object\":\"list\",\"data\":[{\"id\":\"wire-test\"}]}")));
    }

    /** The URL for --teacher-url. */
    public String url() {
        return ollama ? server.baseUrl() : server.baseUrl() + "/v1";
    }

    public String api() {
        return ollama ? "ollama" : "openai";
    }

    private String path() {
        return ollama ? "/api/chat" : "/v1/chat/completions";
    }

    /** Any prompt without a more specific script. */
    public WireMockTeacher otherwise(String reply) {
        return script("", 100, reply, "stop");
    }

    /** Prompts containing {@code phrase}. */
    public WireMockTeacher on(String phrase, String reply) {
        return script(phrase, 10, reply, "stop");
    }

    /** Prompts containing {@code phrase}, cut off by the token limit. */
    public WireMockTeacher cutOffOn(String phrase, String reply) {
        return script(phrase, 5, reply, "length");
    }

    public int requests() {
        return server.findAll(postRequestedFor(urlEqualTo(path()))).size();
    }

    private WireMockTeacher script(String phrase, int priority, String reply, String finish) {
        var request = post(path()).atPriority(priority);
        if (!phrase.isEmpty()) {
            request = request.withRequestBody(matchingJsonPath("$.messages[0].content", containing(phrase)));
        }
        ObjectNode body = ollama ? ollamaBody(reply, finish) : openAiBody(reply, finish);
        server.stubFor(request.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(body.toString())));
        return this;
    }

    private static ObjectNode ollamaBody(String text, String finish) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", "wire-test").put("created_at", "2026-01-01T00:00:00Z");
        body.putObject("message").put("role", "assistant").put("content", text);
        body.put("done", true).put("done_reason", finish).put("prompt_eval_count", 20).put("eval_count", 8);
        return body;
    }

    private static ObjectNode openAiBody(String text, String finish) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1).put("model", "wire-test");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", finish);
        choice.putObject("message").put("role", "assistant").put("content", text);
        body.putObject("usage").put("prompt_tokens", 20).put("completion_tokens", 8).put("total_tokens", 28);
        return body;
    }
}
