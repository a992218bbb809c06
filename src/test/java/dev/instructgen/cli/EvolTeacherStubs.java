package dev.instructgen.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.instructgen.dataset.JsonCodec;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.and;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * A scripted Evol-Instruct teacher on WireMock, speaking the OpenAI chat format or Ollama's. Requests are told
 * apart by a distinctive phrase of each shipped template (prompts/evol/), and by the instruction they carry.
 */
final class EvolTeacherStubs {

    static final String PATH = "/v1/chat/completions";
    static final String OLLAMA_PATH = "/api/chat";
    /** Phrases that only one template contains. */
    static final String ANY_REWRITE = "You help build training data for AI assistants";
    static final String JUDGE = "Answer with exactly one of these two words";
    static final String ADD_CONSTRAINTS = "ADD ONE CONSTRAINT";
    static final String DEEPEN = "GO DEEPER";
    static final String CONCRETIZE = "MAKE IT CONCRETE";
    static final String INCREASE_REASONING = "REQUIRE MORE REASONING";
    static final String COMPLICATE_INPUT = "WORK ON GIVEN DATA";
    static final String BREADTH = "brand-new request from the same domain";

    private static final String CONTENT = "$.messages[0].content";
    private final WireMockServer server;
    private final boolean ollama;
    private final String path;

    EvolTeacherStubs(WireMockServer server) {
        this(server, false);
    }

    EvolTeacherStubs(WireMockServer server, boolean ollama) {
        this.server = server;
        this.ollama = ollama;
        this.path = ollama ? OLLAMA_PATH : PATH;
    }

    /** Fallbacks: the judge says Not Equal, any other answer is a plain helpful paragraph. */
    void defaults() {
        // the model-list check before a run
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(ollama ? "/api/tags" : "/v1/models")
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(ollama
                        ? "{\"models\":[{\"name\":\"evol-test\",\"model\":\"evol-test\"}]}"
                        : "{\"object\":\"list\",\"data\":[{\"id\":\"evol-test\"}]}")));
        reply(post(path).atPriority(10).withRequestBody(content(containing(JUDGE))), "Not Equal", "stop");
        reply(post(path).atPriority(20), "Here is a complete answer with concrete steps, an example and a short "
                + "summary of the key facts.", "stop");
    }

    /** A rewrite of {@code parent} by any operation. */
    void onRewrite(String parent, String reply) {
        onRewrite(ANY_REWRITE, parent, reply, "stop");
    }

    /** A rewrite by the template containing {@code templatePhrase}; an empty {@code parent} matches any. */
    void onRewrite(String templatePhrase, String parent, String reply, String finishReason) {
        StringValuePattern request = parent.isEmpty() ? containing(templatePhrase)
                : and(containing(templatePhrase), containing("<<<\n" + parent + "\n>>>"));
        reply(post(path).atPriority(parent.isEmpty() ? 5 : 1).withRequestBody(content(request)), reply, finishReason);
    }

    /** The judge's verdicts for {@code child}, one per call in order; the last repeats. */
    void onJudge(String child, String... verdicts) {
        String state = Scenario.STARTED;
        for (int i = 0; i < verdicts.length; i++) {
            String next = i + 1 < verdicts.length ? "judged-" + (i + 1) : state;
            reply(post(path).atPriority(1).inScenario("judge " + child).whenScenarioStateIs(state)
                    .willSetStateTo(next)
                    .withRequestBody(content(and(containing(JUDGE), containing("<<<\n" + child + "\n>>>")))),
                    verdicts[i], "stop");
            state = next;
        }
    }

    /** The teacher's answer to the evolved instruction {@code instruction}. */
    void onAnswer(String instruction, String answer) {
        reply(post(path).atPriority(2).withRequestBody(content(and(containing(instruction),
                notContaining(ANY_REWRITE), notContaining(JUDGE)))), answer, "stop");
    }

    /** Request bodies' prompts containing {@code phrase}. */
    List<String> promptsContaining(String phrase) {
        return server.findAll(postRequestedFor(urlEqualTo(path))).stream().map(EvolTeacherStubs::prompt)
                .filter(p -> p.contains(phrase)).toList();
    }

    static String prompt(LoggedRequest r) {
        try {
            return JsonCodec.mapper().readTree(r.getBodyAsString()).path("messages").path(0).path("content")
                    .asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StringValuePattern content(StringValuePattern pattern) {
        return matchingJsonPath(CONTENT, pattern);
    }

    private void reply(MappingBuilder request, String text, String finishReason) {
        ObjectNode body = ollama ? ollamaBody(text, finishReason) : openAiBody(text, finishReason);
        server.stubFor(request.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(body.toString())));
    }

    private static ObjectNode ollamaBody(String text, String finishReason) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("model", "evol-test").put("created_at", "2026-01-01T00:00:00Z");
        body.putObject("message").put("role", "assistant").put("content", text);
        body.put("done", true).put("done_reason", finishReason).put("prompt_eval_count", 10).put("eval_count", 5);
        return body;
    }

    private static ObjectNode openAiBody(String text, String finishReason) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1).put("model", "evol-test");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", finishReason);
        choice.putObject("message").put("role", "assistant").put("content", text);
        body.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 5).put("total_tokens", 15);
        return body;
    }
}
