package dev.instructgen.teacher.stack;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.PromptRejectedException;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.stack.TeacherSeams;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.TeacherUnavailableException;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.testing.MutableClock;
import dev.instructgen.testing.RecordingMetrics;
import dev.instructgen.teacher.resilience.BreakerPolicy;
import dev.instructgen.teacher.resilience.RetryPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The assembled stack against a fake OpenAI-compatible server, on a fake clock that moves only when it waits. */
class TeacherStackTest {

    static final String KEY = "sk-live-DO-NOT-PRINT-42";
    static final String PATH = "/v1/chat/completions";
    static final String OK_BODY = """
            {"id":"c","object":"chat.completion","created":1,"model":"m",
             "choices":[{"index":0,"message":{"role":"assistant","content":"fine"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}
            """;

    WireMockServer server;
    final MutableClock time = new MutableClock();
    final RecordingMetrics metrics = new RecordingMetrics();
    TeacherClient stack;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
        server.stop();
    }

    TeacherClient stack(Duration timeout, Duration patience, int maxAttempts) {
        TeacherSettings settings = new TeacherSettings(TeacherApi.OPENAI, URI.create(server.baseUrl() + "/v1"),
                "gpt-test", "MY_KEY", 4, timeout, 0, 0, patience);
        stack = TeacherStack.build(settings, metrics, Map.of("MY_KEY", KEY)::get,
                new TeacherSeams(time, time, new SplittableRandom(7)),
                new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1)),
                new BreakerPolicy(4, 4, 50f, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(1)));
        return stack;
    }

    TeacherClient stack() {
        return stack(Duration.ofSeconds(5), Duration.ofMinutes(10), 5);
    }

    static TeacherRequest request() {
        return TeacherRequest.ofUserPrompt("instruction-generation", "Propose a task.", Sampling.greedy(32));
    }

    void stubSequence(String... bodiesOrStatuses) {
        String state = Scenario.STARTED;
        for (int i = 0; i < bodiesOrStatuses.length; i++) {
            String next = i + 1 == bodiesOrStatuses.length ? "done" : "step" + (i + 1);
            String[] statusAndRetryAfter = bodiesOrStatuses[i].split(":");
            var response = aResponse().withStatus(Integer.parseInt(statusAndRetryAfter[0]));
            if (statusAndRetryAfter.length > 1) {
                response = response.withHeader("Retry-After", statusAndRetryAfter[1]);
            }
            server.stubFor(post(PATH).inScenario("s").whenScenarioStateIs(state).willReturn(response)
                    .willSetStateTo(next));
            state = next;
        }
        server.stubFor(post(PATH).inScenario("s").whenScenarioStateIs(state).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(OK_BODY)));
    }

    @Test
    void honoursRetryAfterOn429AndThenSucceeds() {
        stubSequence("429:3");

        TeacherReply reply = stack().complete(request());

        assertThat(reply.text()).isEqualTo("fine");
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
        server.verify(2, postRequestedFor(urlEqualTo(PATH)));
        assertThat(metrics.faults).containsExactly(
                new RecordingMetrics.Fault("instruction-generation", FaultKind.RATE_LIMITED, true));
        assertThat(metrics.attempts.get()).isEqualTo(2);
        assertThat(metrics.successes).hasSize(1);
    }

    @Test
    void honoursRetryAfterOn503AndThenSucceeds() {
        stubSequence("503:2");

        stack().complete(request());

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
        server.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void ridesOutABurstOfServerErrors() {
        stubSequence("500", "502", "500");

        assertThat(stack().complete(request()).text()).isEqualTo("fine");

        server.verify(4, postRequestedFor(urlEqualTo(PATH)));
        assertThat(metrics.faults).extracting(RecordingMetrics.Fault::kind)
                .containsExactly(FaultKind.SERVER_ERROR, FaultKind.SERVER_ERROR, FaultKind.SERVER_ERROR);
    }

    @Test
    void retriesDoNotMultiplyWithLangChainsOwn() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(500)));

        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> stack(Duration.ofSeconds(5), Duration.ofMinutes(10), 3).complete(request()));

        assertThat(e.kind()).isEqualTo(FaultKind.SERVER_ERROR);
        server.verify(3, postRequestedFor(urlEqualTo(PATH)));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404})
    void fatalStatusesStopAtOnceWithoutRetryAndWithoutTheKey(int status) {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(status)
                .withBody("{\"error\":{\"message\":\"bad thing; you sent " + KEY + "\"}}")));

        FatalTeacherException e = catchThrowableOfType(FatalTeacherException.class,
                () -> stack().complete(request()));

        assertThat(e.httpStatus()).isEqualTo(status);
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertThat(time.sleeps()).isEmpty();
        assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("\n");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(t.toString()).doesNotContain(KEY);
        }
    }

    @Test
    void theKeyGoesOnlyIntoTheAuthorizationHeader() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(401)));

        FatalTeacherException e = catchThrowableOfType(FatalTeacherException.class,
                () -> stack().complete(request()));

        server.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + KEY)));
        assertThat(e.getMessage()).isEqualTo("the teacher at localhost:" + server.port()
                + " rejected the API key from $MY_KEY (HTTP 401)");
    }

    @Test
    void aHungRequestTimesOutAndIsRetried() {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(1200)
                .withHeader("Content-Type", "application/json").withBody(OK_BODY)));

        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> stack(Duration.ofMillis(300), Duration.ofMinutes(10), 2).complete(request()));

        assertThat(e.kind()).isEqualTo(FaultKind.TIMEOUT);
        assertThat(e.getMessage()).startsWith("gave up after 2 attempts");
        server.verify(2, postRequestedFor(urlEqualTo(PATH)));
    }

    @Test
    void aResetConnectionIsRetried() {
        server.stubFor(post(PATH).inScenario("r").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        server.stubFor(post(PATH).inScenario("r").whenScenarioStateIs("up").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(OK_BODY)));

        assertThat(stack().complete(request()).text()).isEqualTo("fine");
        assertThat(metrics.faults).extracting(RecordingMetrics.Fault::kind).containsExactly(FaultKind.CONNECTION);
    }

    @Test
    void theBreakerStopsHammeringADeadTeacherAndLetsTrafficThroughWhenItIsBack() {
        server.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        TeacherClient client = stack(Duration.ofSeconds(5), Duration.ofMinutes(10), 2);
        for (int i = 0; i < 2; i++) {
            catchThrowableOfType(RetriableTeacherException.class, () -> client.complete(request()));
        }
        server.verify(4, postRequestedFor(urlEqualTo(PATH)));

        server.resetAll();
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(OK_BODY)));
        assertThat(client.complete(request()).text()).isEqualTo("fine");

        // the open breaker held the request back for its wait, then one probe went through
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertThat(time.totalSlept()).isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aTeacherDownPastPatienceEndsInTeacherUnavailable() {
        server.stubFor(post(PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        TeacherClient client = stack(Duration.ofSeconds(5), Duration.ofMinutes(2), 5);

        TeacherUnavailableException stop = null;
        for (int i = 0; i < 50 && stop == null; i++) {
            try {
                client.complete(request());
            } catch (RetriableTeacherException gaveUp) {
                // the engine would move on and send the next request
            } catch (TeacherUnavailableException e) {
                stop = e;
            }
        }

        assertThat(stop).isNotNull();
        assertThat(stop.getMessage()).contains("has been unreachable for").contains("--patience 2m");
        assertThat(server.getAllServeEvents().size()).isLessThan(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "This model's maximum context length is 8192 tokens. However, you requested 9100 tokens.",
            "the request exceeds the available context size, try increasing it"})
    void aPromptLongerThanTheContextDropsOnlyThatRequestWithoutRetryOrStoppingTheRun(String reason) {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(400)
                .withBody("{\"error\":{\"message\":\"" + reason + "\"}}")));

        PromptRejectedException e = catchThrowableOfType(PromptRejectedException.class,
                () -> stack().complete(request()));

        assertThat(e.kind()).isEqualTo(FaultKind.PROMPT_TOO_LONG);
        assertThat(e.getMessage()).contains("longer than the model's context");
        server.verify(1, postRequestedFor(urlEqualTo(PATH)));
        assertThat(time.sleeps()).isEmpty();
        assertThat(metrics.faults).extracting(f -> f.kind()).containsExactly(FaultKind.PROMPT_TOO_LONG);
    }

    @Test
    void ollamaWireFormatGoesThroughTheSameStack() {
        server.stubFor(post("/api/chat").inScenario("o").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "4")).willSetStateTo("up"));
        server.stubFor(post("/api/chat").inScenario("o").whenScenarioStateIs("up").willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"model":"llama3.1:8b","message":{"role":"assistant","content":"hi"},
                         "done":true,"done_reason":"stop","prompt_eval_count":5,"eval_count":1}
                        """)));
        TeacherSettings settings = new TeacherSettings(TeacherApi.OLLAMA, URI.create(server.baseUrl()),
                "llama3.1:8b", "OPENAI_API_KEY", 2, Duration.ofSeconds(5), 0, 0, Duration.ofMinutes(10));
        stack = TeacherStack.build(settings, metrics, name -> null, new TeacherSeams(time, time, new SplittableRandom(1)));

        TeacherReply reply = stack.complete(request());

        assertThat(reply.text()).isEqualTo("hi");
        assertThat(reply.usage()).isEqualTo(new TokenUsage(5, 1));
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(4));
        assertThat(stack.identity()).isEqualTo(new TeacherIdentity(TeacherApi.OLLAMA, "llama3.1:8b",
                "localhost:" + server.port()));
    }

    @Test
    void manyThreadsShareTheStackWithoutExceedingTheConcurrency() throws Exception {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withFixedDelay(20)
                .withHeader("Content-Type", "application/json").withBody(OK_BODY)));
        TeacherClient client = stack();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<TeacherReply>> replies = new java.util.ArrayList<>();
            for (int i = 0; i < 60; i++) {
                replies.add(pool.submit(() -> client.complete(request())));
            }
            for (var reply : replies) {
                assertThat(reply.get(10, java.util.concurrent.TimeUnit.SECONDS).text()).isEqualTo("fine");
            }
        } finally {
            pool.shutdownNow();
        }

        server.verify(60, postRequestedFor(urlEqualTo(PATH)));
        assertThat(metrics.successes).hasSize(60);
        assertThat(metrics.maxInFlight.get()).isBetween(2, 4);
        assertThat(metrics.inFlight.get()).isZero();
    }
}
