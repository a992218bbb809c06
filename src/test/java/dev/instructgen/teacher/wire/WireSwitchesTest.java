package dev.instructgen.teacher.wire;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.instructgen.teacher.BackendContext;
import dev.instructgen.teacher.JsonShape;
import dev.instructgen.teacher.ReasoningMode;
import dev.instructgen.teacher.ResponseSchema;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.StructuredMode;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.http.OkHttpTransportBuilder;
import dev.instructgen.teacher.ollama.OllamaBackend;
import dev.instructgen.teacher.openai.OpenAiBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The thinking switch and the response schema as each wire format puts them in the request body. */
class WireSwitchesTest {

    static final String OPENAI_PATH = "/v1/chat/completions";
    static final String OLLAMA_PATH = "/api/chat";

    static final ResponseSchema VERDICT = new ResponseSchema("verdict",
            JsonShape.object("verdict", JsonShape.oneOf("Equal", "Not Equal")), json -> json.path("verdict").asText());

    WireMockServer server;
    OkHttpTransportBuilder http;
    final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        if (http != null) {
            http.close();
        }
    }

    TeacherClient client(TeacherApi api, ReasoningMode reasoning, StructuredMode structured) {
        URI url = URI.create("http://127.0.0.1:" + server.port() + (api == TeacherApi.OPENAI ? "/v1" : ""));
        TeacherSettings settings = new TeacherSettings(api, url, "qwen3", "NO_KEY", 2, Duration.ofSeconds(5), 0, 0,
                Duration.ofMinutes(1), reasoning, structured, false);
        http = new OkHttpTransportBuilder(2, Duration.ofSeconds(5));
        BackendContext context = new BackendContext(settings, name -> null, http, Clock.systemUTC(), warnings::add);
        return api == TeacherApi.OPENAI ? new OpenAiBackend().connect(context) : new OllamaBackend().connect(context);
    }

    static TeacherRequest judge() {
        return TeacherRequest.ofUserPrompt("judge", "Are these equal?", Sampling.greedy(8));
    }

    static String openAiReply(String content) {
        return """
                {"id":"c1","object":"chat.completion","created":1,"model":"m",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}
                """.formatted(quoted(content));
    }

    static String ollamaReply(String content) {
        return """
                {"model":"qwen3","created_at":"2026-01-01T00:00:00Z","message":{"role":"assistant","content":%s},
                 "done":true,"done_reason":"stop","prompt_eval_count":3,"eval_count":4}
                """.formatted(quoted(content));
    }

    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void reasoningOffSendsChatTemplateKwargsToAnOpenAiCompatibleServer() {
        server.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withBody(openAiReply("Equal"))));
        client(TeacherApi.OPENAI, ReasoningMode.OFF, StructuredMode.OFF).complete(judge());
        server.verify(postRequestedFor(urlEqualTo(OPENAI_PATH))
                .withRequestBody(equalToJson("{\"chat_template_kwargs\":{\"enable_thinking\":false}}", true, true)));
        assertThat(body(OPENAI_PATH)).doesNotContain("reasoning_effort").doesNotContain("response_format");
    }

    @Test
    void reasoningAutoSendsNoSwitchAtAll() {
        server.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withBody(openAiReply("Equal"))));
        client(TeacherApi.OPENAI, ReasoningMode.AUTO, StructuredMode.OFF).complete(judge());
        assertThat(body(OPENAI_PATH)).doesNotContain("chat_template_kwargs").doesNotContain("reasoning_effort");
    }

    @Test
    void openAisOwnApiGetsReasoningEffortInsteadOfTemplateKwargs() {
        var parameters = (dev.langchain4j.model.openai.OpenAiChatRequestParameters) OpenAiBackendAccess.parameters(
                Sampling.greedy(8), true);
        assertThat(parameters.reasoningEffort()).isEqualTo("minimal");
        assertThat(parameters.customParameters()).isNullOrEmpty();
    }

    @Test
    void reasoningOffSendsThinkFalseToOllama() {
        server.stubFor(post(urlEqualTo(OLLAMA_PATH)).willReturn(aResponse().withBody(ollamaReply("Equal"))));
        client(TeacherApi.OLLAMA, ReasoningMode.OFF, StructuredMode.OFF).complete(judge());
        server.verify(postRequestedFor(urlEqualTo(OLLAMA_PATH))
                .withRequestBody(equalToJson("{\"think\":false}", true, true)));
    }

    @Test
    void aSchemaGoesOutAsResponseFormatAndItsJsonReplyIsReadAsText() {
        server.stubFor(post(urlEqualTo(OPENAI_PATH))
                .willReturn(aResponse().withBody(openAiReply("{\"verdict\":\"Not Equal\"}"))));
        String text = client(TeacherApi.OPENAI, ReasoningMode.AUTO, StructuredMode.AUTO)
                .complete(judge().withSchema(VERDICT)).text();
        assertThat(text).isEqualTo("Not Equal");
        server.verify(postRequestedFor(urlEqualTo(OPENAI_PATH)).withRequestBody(equalToJson("""
                {"response_format":{"type":"json_schema","json_schema":{"name":"verdict","strict":true,
                 "schema":{"type":"object","properties":{"verdict":{"type":"string","enum":["Equal","Not Equal"]}},
                 "required":["verdict"],"additionalProperties":false}}}}""", true, true)));
    }

    @Test
    void aSchemaGoesOutAsOllamaFormat() {
        server.stubFor(post(urlEqualTo(OLLAMA_PATH))
                .willReturn(aResponse().withBody(ollamaReply("{\"verdict\":\"Equal\"}"))));
        String text = client(TeacherApi.OLLAMA, ReasoningMode.AUTO, StructuredMode.AUTO)
                .complete(judge().withSchema(VERDICT)).text();
        assertThat(text).isEqualTo("Equal");
        server.verify(postRequestedFor(urlEqualTo(OLLAMA_PATH)).withRequestBody(equalToJson("""
                {"format":{"type":"object","properties":{"verdict":{"type":"string","enum":["Equal","Not Equal"]}},
                 "required":["verdict"]}}""", true, true)));
    }

    @Test
    void structuredOffSendsNoSchema() {
        server.stubFor(post(urlEqualTo(OPENAI_PATH)).willReturn(aResponse().withBody(openAiReply("Equal"))));
        client(TeacherApi.OPENAI, ReasoningMode.AUTO, StructuredMode.OFF).complete(judge().withSchema(VERDICT));
        assertThat(body(OPENAI_PATH)).doesNotContain("response_format");
    }

    @Test
    void aServerRefusingResponseFormatIsAskedForTextAndRemembersIt() {
        server.stubFor(post(urlEqualTo(OPENAI_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.response_format"))
                .willReturn(aResponse().withStatus(400)
                        .withBody("{\"error\":{\"message\":\"Unrecognized request argument supplied: response_format\"}}")));
        server.stubFor(post(urlEqualTo(OPENAI_PATH)).atPriority(2).willReturn(aResponse().withBody(openAiReply("Equal"))));
        TeacherClient client = client(TeacherApi.OPENAI, ReasoningMode.AUTO, StructuredMode.ON);

        assertThat(client.complete(judge().withSchema(VERDICT)).text()).isEqualTo("Equal");
        assertThat(client.complete(judge().withSchema(VERDICT)).text()).isEqualTo("Equal");

        // the refused one, its resend, and the second request asked without a schema from the start
        assertThat(server.getAllServeEvents()).hasSize(3);
        assertThat(warnings).singleElement().asString().contains("refused structured output");
    }

    @Test
    void anOllamaRefusingTheFormatFallsBackToo() {
        server.stubFor(post(urlEqualTo(OLLAMA_PATH)).atPriority(1).withRequestBody(matchingJsonPath("$.format"))
                .willReturn(aResponse().withStatus(400).withBody("{\"error\":\"invalid format: schema not supported\"}")));
        server.stubFor(post(urlEqualTo(OLLAMA_PATH)).atPriority(2).willReturn(aResponse().withBody(ollamaReply("Equal"))));
        TeacherClient client = client(TeacherApi.OLLAMA, ReasoningMode.AUTO, StructuredMode.ON);

        assertThat(client.complete(judge().withSchema(VERDICT)).text()).isEqualTo("Equal");
        client.complete(judge().withSchema(VERDICT));

        assertThat(server.getAllServeEvents()).hasSize(3);
    }

    @Test
    void aServerRefusingTheThinkingSwitchIsAskedWithoutIt() {
        server.stubFor(post(urlEqualTo(OPENAI_PATH)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.chat_template_kwargs"))
                .willReturn(aResponse().withStatus(400)
                        .withBody("{\"error\":{\"message\":\"Unrecognized request argument supplied: chat_template_kwargs\"}}")));
        server.stubFor(post(urlEqualTo(OPENAI_PATH)).atPriority(2).willReturn(aResponse().withBody(openAiReply("Equal"))));
        TeacherClient client = client(TeacherApi.OPENAI, ReasoningMode.OFF, StructuredMode.OFF);

        assertThat(client.complete(judge()).text()).isEqualTo("Equal");
        client.complete(judge());

        assertThat(server.getAllServeEvents()).hasSize(3);
        assertThat(warnings).singleElement().asString().contains("thinking");
    }

    String body(String path) {
        return server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals(path))
                .findFirst().orElseThrow().getRequest().getBodyAsString();
    }
}
