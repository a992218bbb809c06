package dev.instructgen.teacher.openai;

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

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OpenAiTeacherClientTest {

    static final String KEY = "sk-test-SECRET-0123456789";
    static final String PATH = "/v1/chat/completions";

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

    static String completion(String content, String finishReason) {
        return """
                {"id":"c1","object":"chat.completion","created":1,"model":"m",
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"%s"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":34,"total_tokens":46}}
                """.formatted(content == null ? "null" : "\"" + content + "\"", finishReason);
    }

    TeacherClient client(URI baseUrl, Map<String, String> env, Duration timeout) {
        TeacherSettings settings = new TeacherSettings(TeacherApi.OPENAI, baseUrl, "gpt-test", "TEST_KEY", 4,
                timeout, 0, 0, Duration.ofMinutes(1));
        http = new OkHttpTransportBuilder(4, timeout);
        return new OpenAiBackend().connect(new BackendContext(settings, env::get, http, Clock.systemUTC()));
    }

    TeacherClient client() {
        return client(URI.create(server.baseUrl() + "/v1"), Map.of("TEST_KEY", KEY), Duration.ofSeconds(5));
    }

    static TeacherRequest request() {
        return TeacherRequest.ofUserPrompt("test", "List three colours.",
                new Sampling(0.7, 0.9, 64, 0.5, List.of("###")));
    }

    @Test
    void returnsTextUsageAndFinishReasonAndSendsSamplingPerRequest() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(completion("red, green, blue", "stop"))));

        TeacherReply reply = client().complete(request());

        assertThat(reply.text()).isEqualTo("red, green, blue");
        assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(reply.usage()).isEqualTo(new TokenUsage(12, 34));
        assertThat(reply.latency()).isPositive();
        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("""
                        {"model":"gpt-test","temperature":0.7,"top_p":0.9,"max_tokens":64,
                         "presence_penalty":0.5,"stop":["###"],
                         "messages":[{"role":"user","content":"List three colours."}]}
                        """, true, true)));
    }

    @Test
    void reportsLengthWhenTheReplyWasCutOff() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(completion("1. red 2. gre", "length"))));

        TeacherReply reply = client().complete(request());

        assertThat(reply.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(reply.wasCutOff()).isTrue();
    }

    @Test
    void sendsAPlaceholderKeyWhenNoneIsConfiguredForLocalServers() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(completion("ok", "stop"))));

        client(URI.create(server.baseUrl() + "/v1"), Map.of(), Duration.ofSeconds(5)).complete(request());

        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + OpenAiBackend.NO_KEY_PLACEHOLDER)));
    }

    @Test
    void rateLimitCarriesRetryAfter() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withBody("{\"error\":{\"message\":\"slow down\"}}")));

        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> client().complete(request()));

        assertThat(e.kind()).isEqualTo(FaultKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void unavailableServerCarriesRetryAfter() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "2")));

        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> client().complete(request()));

        assertThat(e.kind()).isEqualTo(FaultKind.SERVER_ERROR);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void invalidJsonInA200IsAMalformedResponse() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"choices\": [ this is not json")));

        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> client().complete(request()));

        assertThat(e.kind()).isEqualTo(FaultKind.MALFORMED_RESPONSE);
    }

    @Test
    void emptyContentIsARetriableFault() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(completion("", "stop"))));

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
    void refusedConnectionIsAConnectionFault() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> client(URI.create("http://127.0.0.1:" + closedPort + "/v1"), Map.of(), Duration.ofSeconds(2))
                        .complete(request()));

        assertThat(e.kind()).isEqualTo(FaultKind.CONNECTION);
        assertThat(e.getMessage()).contains("127.0.0.1:" + closedPort);
    }

    @Test
    void aReplySlowerThanTheTimeoutIsATimeout() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(1500)
                .withHeader("Content-Type", "application/json").withBody(completion("late", "stop"))));

        long start = System.nanoTime();
        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> client(URI.create(server.baseUrl() + "/v1"), Map.of(), Duration.ofMillis(300))
                        .complete(request()));

        assertThat(e.kind()).isEqualTo(FaultKind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
    }

    @Test
    void notFoundNamesModelAndHostAndWhatToCheck() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":{\"message\":\"The model `gpt-test` does not exist\"}}")));

        FatalTeacherException e = catchThrowableOfType(FatalTeacherException.class,
                () -> client().complete(request()));

        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.getMessage()).isEqualTo("model 'gpt-test' not found at localhost:" + server.port()
                + " (HTTP 404): check --model and --teacher-url");
    }

    @Test
    void unauthorizedNamesTheVariableButNeverTheKey() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}")));

        FatalTeacherException e = catchThrowableOfType(FatalTeacherException.class,
                () -> client().complete(request()));

        assertThat(e.getMessage()).contains("rejected the API key from $TEST_KEY (HTTP 401)");
        assertThat(e.getMessage()).doesNotContain(KEY);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY);
            assertThat(t.toString()).doesNotContain(KEY);
        }
    }

    @Test
    void badRequestQuotesTheServersShortReasonWithTheKeyBlankedOut() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":{\"message\":\"max_tokens is too large: 99999 (key " + KEY + ")\"}}")));

        FatalTeacherException e = catchThrowableOfType(FatalTeacherException.class,
                () -> client().complete(request()));

        assertThat(e.getMessage()).isEqualTo("the teacher at localhost:" + server.port()
                + " rejected the request (HTTP 400): max_tokens is too large: 99999 (key [redacted])");
    }

    @Test
    void theClientsDescriptionHoldsNoKey() {
        assertThat(client().toString()).contains("gpt-test").doesNotContain(KEY);
    }

    @Test
    void unauthorizedWithoutAKeySaysWhichVariableToSet() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(401)));

        FatalTeacherException e = catchThrowableOfType(FatalTeacherException.class,
                () -> client(URI.create(server.baseUrl() + "/v1"), Map.of(), Duration.ofSeconds(5)).complete(request()));

        assertThat(e.getMessage()).isEqualTo("the teacher at localhost:" + server.port()
                + " requires an API key: set the environment variable TEST_KEY (HTTP 401)");
    }
}
