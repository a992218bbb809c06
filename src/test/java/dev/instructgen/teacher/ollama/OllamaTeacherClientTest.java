package dev.instructgen.teacher.ollama;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.BackendContext;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.FinishReason;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.teacher.http.OkHttpTransportBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OllamaTeacherClientTest {

    static final String PATH = "/api/chat";

    WireMockServer server;
    OkHttpTransportBuilder http;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
        if (http != null) {
            http.close();
        }
    }

    static String chat(String content, String doneReason) {
        return """
                {"model":"llama3.1:8b","created_at":"2026-01-01T00:00:00Z",
                 "message":{"role":"assistant","content":"%s"},
                 "done":true,"done_reason":"%s","prompt_eval_count":21,"eval_count":8}
                """.formatted(content, doneReason);
    }

    TeacherClient client(Map<String, String> env, Duration timeout) {
        TeacherSettings settings = new TeacherSettings(TeacherApi.OLLAMA, URI.create(server.baseUrl()),
                "llama3.1:8b", "OLLAMA_KEY", 4, timeout, 0, 0, Duration.ofMinutes(1));
        http = new OkHttpTransportBuilder(4, timeout);
        return new OllamaBackend().connect(new BackendContext(settings, env::get, http, Clock.systemUTC()));
    }

    TeacherClient client() {
        return client(Map.of(), Duration.ofSeconds(5));
    }

    static TeacherRequest request() {
        return TeacherRequest.ofUserPrompt("test", "Name a fruit.", new Sampling(0.2, 0.9, 32, null, List.of("\n\n")));
    }

    @Test
    void returnsTextUsageAndFinishReasonAndSendsOptionsPerRequest() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(chat("Mango", "stop"))));

        TeacherReply reply = client().complete(request());

        assertThat(reply.text()).isEqualTo("Mango");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(reply.usage()).isEqualTo(new TokenUsage(21, 8));
        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", absent())
                .withRequestBody(equalToJson("""
                        {"model":"llama3.1:8b","stream":false,
                         "messages":[{"role":"user","content":"Name a fruit."}],
                         "options":{"temperature":0.2,"top_p":0.9,"num_predict":32,"stop":["\\n\\n"]}}
                        """, true, true)));
    }

    @Test
    void reportsLengthWhenNumPredictCutTheReplyOff() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(chat("Man", "length"))));

        assertThat(client().complete(request()).finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void sendsAConfiguredKeyAsBearerToken() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(chat("Kiwi", "stop"))));

        client(Map.of("OLLAMA_KEY", "proxy-secret"), Duration.ofSeconds(5)).complete(request());

        server.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer proxy-secret")));
    }

    @Test
    void unknownModelIsFatalAndNamesTheModel() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":\"model 'llama3.1:8b' not found, try pulling it first\"}")));

        FatalTeacherException e = catchThrowableOfType(FatalTeacherException.class,
                () -> client().complete(request()));

        assertThat(e.getMessage()).isEqualTo("model 'llama3.1:8b' not found at localhost:" + server.port()
                + " (HTTP 404): check --model and --teacher-url");
    }

    @Test
    void serverErrorWithRetryAfterIsRetriable() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "3")));

        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> client().complete(request()));

        assertThat(e.kind()).isEqualTo(FaultKind.SERVER_ERROR);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void invalidJsonIsAMalformedResponse() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("<html>proxy error</html>")));

        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> client().complete(request()));

        assertThat(e.kind()).isEqualTo(FaultKind.MALFORMED_RESPONSE);
    }

    @Test
    void emptyContentIsARetriableFault() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(chat("", "stop"))));

        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> client().complete(request()));

        assertThat(e.kind()).isEqualTo(FaultKind.EMPTY_CONTENT);
    }

    @Test
    void connectionResetIsAConnectionFault() {
        server.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> client().complete(request()));

        assertThat(e.kind()).isEqualTo(FaultKind.CONNECTION);
    }

    @Test
    void aReplySlowerThanTheTimeoutIsATimeout() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                .withHeader("Content-Type", "application/json").withBody(chat("late", "stop"))));

        TeacherClient client = client(Map.of(), Duration.ofMillis(300));
        long start = System.nanoTime();
        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> client.complete(request()));

        assertThat(e.kind()).isEqualTo(FaultKind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
    }
}
