package dev.instructgen.teacher.stack;

import dev.instructgen.teacher.BackendContext;
import dev.instructgen.teacher.ReasoningMode;
import dev.instructgen.teacher.RequestLog;
import dev.instructgen.teacher.TeacherBackend;
import dev.instructgen.teacher.log.LoggingTeacherClient;
import dev.instructgen.teacher.reasoning.ReasoningRoomTeacherClient;
import dev.instructgen.teacher.stack.TeacherBackends;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.stack.TeacherSeams;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.http.OkHttpTransportBuilder;
import dev.instructgen.teacher.metrics.MeteredTeacherClient;
import dev.instructgen.teacher.pool.PoolAssembly;
import dev.instructgen.teacher.resilience.AdaptiveConcurrencyLimiter;
import dev.instructgen.teacher.resilience.AdaptiveConcurrencyTeacherClient;
import dev.instructgen.teacher.resilience.BackoffSignal;
import dev.instructgen.teacher.resilience.BreakerPolicy;
import dev.instructgen.teacher.resilience.CancellableSleeper;
import dev.instructgen.teacher.resilience.CircuitBreakingTeacherClient;
import dev.instructgen.teacher.resilience.Patience;
import dev.instructgen.teacher.resilience.RateLimitedTeacherClient;
import dev.instructgen.teacher.resilience.RetryPolicy;
import dev.instructgen.teacher.resilience.RetryingTeacherClient;
import dev.instructgen.teacher.resilience.StoppableTeacherClient;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one place where the teacher stack is assembled. Read from the outside in, a request passes:
 *
 * <pre>
 * Stoppable            on a stop (Ctrl-C, budget, patience) ends every wait below at once; calls on the wire finish
 * ReasoningRoom        --reasoning on|auto: more tokens for short stages once the model reasons, and a reply cut
 *                      off inside a reasoning block sent once more with room (a request of its own, retried below)
 * Retrying             one loop per request; every attempt below goes through all the layers beneath it,
 *                      and this is the only layer that retries (LangChain4j's maxRetries is 0, OkHttp's
 *                      connection retry is off), so attempts never multiply; each backoff is reported
 *                      (observeBackoffs) so the engine can run another job meanwhile
 *  CircuitBreaking     an attempt while the teacher is known down waits here instead of hitting the network;
 *                      waiting costs no retry attempt; past --patience: TeacherUnavailableException (exit 3);
 *                      retry backoff never sleeps past the patience, so the run ends within one attempt of it
 *   AdaptiveConcurrency  AIMD slot per attempt; 429s halve the slots, successes grow them back to --concurrency;
 *                      below the breaker, so attempts held back by an open breaker hold no slot; the bound on
 *                      requests on the wire, however many jobs the engine runs
 *    RateLimited       --max-rpm / --max-tpm, taken just before the wire so the send rate is what the limit says
 *     Metered          per attempt on the wire: in flight, latency, success (faults come from Retrying, which
 *                      alone knows whether another attempt follows)
 *      Logging         --log-requests: each attempt and its reply or failure into requests.jsonl
 *       adapter         the {@link TeacherBackend} registered for --teacher-api in {@link TeacherBackends}
 *                      (OpenAI-compatible or Ollama over LangChain4j), on the shared OkHttp transport
 * </pre>
 *
 * This follows Resilience4j's recommended nesting Retry(CircuitBreaker(RateLimiter(call))), with the adaptive
 * limiter between breaker and rate limiter. Fatal answers (400/401/403/404) pass every layer untouched.
 *
 * <p>A pool of endpoints ({@link TeacherSettings#isPool}) keeps the layers of the logical teacher above the pool
 * and moves the per-endpoint ones below it ({@link #decoratePool}):
 * Stoppable, ReasoningRoom, Retrying, CircuitBreaking, RateLimited, then the pool (routing, failover, drain, health
 * probes), then per endpoint AdaptiveConcurrency, Metered, Logging and the adapter.
 */
public final class TeacherStack {

    private TeacherStack() {
    }

    /**
     * What a run uses: first the backend's check that a server answers at the base URL and serves the model
     * (so a missing server fails in about a second instead of after --patience), then the full stack with real
     * time.
     *
     * @param warnings told about doubts the check found that should not stop the run
     * @throws FatalTeacherException when nothing answers at the base URL or the model is not served there
     */
    public static TeacherClient buildReachable(TeacherSettings settings, TeacherMetrics metrics,
                                               Function<String, String> env, Consumer<String> warnings) {
        checkReachable(settings, env, warnings);
        return build(settings, metrics, env);
    }

    /**
     * The backend's check alone: a server answers at the base URL and serves the model.
     *
     * @throws FatalTeacherException when nothing answers at the base URL or the model is not served there
     */
    public static void checkReachable(TeacherSettings settings, Function<String, String> env,
                                      Consumer<String> warnings) {
        if (settings.isPool()) {
            TeacherBackends backends = TeacherBackends.standard();
            PoolAssembly.probeAll(endpoint -> backends.forApi(endpoint.api()), settings, env, warnings);
            return;
        }
        TeacherBackend backend = TeacherBackends.standard().forApi(settings.api());
        try (OkHttpTransportBuilder unused = new OkHttpTransportBuilder(1, settings.timeout())) {
            backend.probe(new BackendContext(settings, env, unused, Clock.systemUTC()), warnings);
        }
    }

    /**
     * The full stack with real time, checked before the run by {@link #checkReachable}.
     *
     * @param requests where {@code --log-requests} writes (used only when the settings ask for it)
     */
    public static TeacherClient build(TeacherSettings settings, TeacherMetrics metrics, Function<String, String> env,
                                      Consumer<String> warnings, RequestLog requests) {
        return build(TeacherBackends.standard(), settings, metrics, env, TeacherSeams.system(System.nanoTime()),
                RetryPolicy.defaults(), BreakerPolicy.defaults(), warnings, requests);
    }

    /** The full stack with real time, without the check before the run. */
    public static TeacherClient build(TeacherSettings settings, TeacherMetrics metrics, Function<String, String> env) {
        return build(settings, metrics, env, TeacherSeams.system(System.nanoTime()));
    }

    /**
     * @param env looks up environment variables (the API key comes from the one named by {@code apiKeyEnv})
     */
    public static TeacherClient build(TeacherSettings settings, TeacherMetrics metrics, Function<String, String> env,
                                      TeacherSeams seams) {
        return build(settings, metrics, env, seams, RetryPolicy.defaults(), BreakerPolicy.defaults());
    }

    public static TeacherClient build(TeacherSettings settings, TeacherMetrics metrics, Function<String, String> env,
                                      TeacherSeams seams, RetryPolicy retry, BreakerPolicy breaker) {
        return build(TeacherBackends.standard(), settings, metrics, env, seams, retry, breaker);
    }

    /** The stack over whichever backend {@code backends} registers for the settings' API. */
    public static TeacherClient build(TeacherBackends backends, TeacherSettings settings, TeacherMetrics metrics,
                                      Function<String, String> env, TeacherSeams seams, RetryPolicy retry,
                                      BreakerPolicy breaker) {
        return build(backends, settings, metrics, env, seams, retry, breaker, message -> { }, RequestLog.NONE);
    }

    /**
     * @param warnings told when a server refuses an optional field (structured output, the thinking switch)
     * @param requests where {@code --log-requests} writes
     */
    public static TeacherClient build(TeacherBackends backends, TeacherSettings settings, TeacherMetrics metrics,
                                      Function<String, String> env, TeacherSeams seams, RetryPolicy retry,
                                      BreakerPolicy breaker, Consumer<String> warnings, RequestLog requests) {
        if (settings.isPool()) {
            TeacherClient pool = PoolAssembly.connect(endpoint -> backends.forApi(endpoint.api()), settings, metrics,
                    env, seams.clock(), warnings, requests);
            return decoratePool(pool, settings, metrics, seams, retry, breaker);
        }
        OkHttpTransportBuilder http = new OkHttpTransportBuilder(settings.concurrency(), settings.timeout());
        BackendContext context = new BackendContext(settings, env, http, seams.clock(), warnings);
        TeacherClient adapter = backends.forApi(settings.api()).connect(context);
        if (settings.logRequests()) {
            adapter = new LoggingTeacherClient(adapter, requests, seams.clock(), context.apiKey());
        }
        return decorate(adapter, settings, metrics, seams, retry, breaker);
    }

    /**
     * Wraps any adapter (a fake in tests) in the decorators, in the order explained above; the request log, which
     * needs the key to blank it out, is wrapped around the adapter by {@link #build}.
     */
    public static TeacherClient decorate(TeacherClient adapter, TeacherSettings settings, TeacherMetrics metrics,
                                         TeacherSeams seams, RetryPolicy retry, BreakerPolicy breaker) {
        CancellableSleeper waits = new CancellableSleeper(seams.sleeper());
        Patience patience = new Patience(settings.patience(), seams.clock());
        TeacherClient client = new MeteredTeacherClient(adapter, metrics, System::nanoTime);
        client = new RateLimitedTeacherClient(client, settings.maxRpm(), settings.maxTpm(), seams.clock(), waits);
        client = new AdaptiveConcurrencyTeacherClient(client, new AdaptiveConcurrencyLimiter(settings.concurrency()),
                waits);
        client = new CircuitBreakingTeacherClient(client, breaker, patience, seams.clock(), waits);
        BackoffSignal backoffs = new BackoffSignal();
        client = new RetryingTeacherClient(client, retry, metrics, waits, seams.random(), patience, backoffs);
        if (settings.reasoning() != ReasoningMode.OFF) {
            client = new ReasoningRoomTeacherClient(client, settings.reasoning());
        }
        return new StoppableTeacherClient(client, waits, backoffs);
    }

    /**
     * The stack over a pool of endpoints ({@code teacher.pool.PooledTeacherClient}): metering, adaptive concurrency
     * and the request log are per endpoint, inside the pool; the rate limits, the breaker with --patience, the
     * retry loop and the reasoning room are the logical teacher's, above it. The breaker here opens only when the
     * whole pool is unreachable, since the pool fails an attempt over to every endpoint that is up first.
     */
    public static TeacherClient decoratePool(TeacherClient pool, TeacherSettings settings, TeacherMetrics metrics,
                                             TeacherSeams seams, RetryPolicy retry, BreakerPolicy breaker) {
        CancellableSleeper waits = new CancellableSleeper(seams.sleeper());
        Patience patience = new Patience(settings.patience(), seams.clock());
        TeacherClient client = new RateLimitedTeacherClient(pool, settings.maxRpm(), settings.maxTpm(), seams.clock(),
                waits);
        client = new CircuitBreakingTeacherClient(client, breaker, patience, seams.clock(), waits);
        client = new RetryingTeacherClient(client, retry, metrics, waits, seams.random(), patience);
        if (settings.reasoning() != ReasoningMode.OFF) {
            client = new ReasoningRoomTeacherClient(client, settings.reasoning());
        }
        return new StoppableTeacherClient(client, waits);
    }
}
