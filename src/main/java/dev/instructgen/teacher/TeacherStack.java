package dev.instructgen.teacher;

import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.http.OkHttpTransportBuilder;
import dev.instructgen.teacher.metrics.MeteredTeacherClient;
import dev.instructgen.teacher.ollama.OllamaTeacherClient;
import dev.instructgen.teacher.openai.OpenAiTeacherClient;
import dev.instructgen.teacher.resilience.AdaptiveConcurrencyLimiter;
import dev.instructgen.teacher.resilience.AdaptiveConcurrencyTeacherClient;
import dev.instructgen.teacher.resilience.BreakerPolicy;
import dev.instructgen.teacher.resilience.CircuitBreakingTeacherClient;
import dev.instructgen.teacher.resilience.RateLimitedTeacherClient;
import dev.instructgen.teacher.resilience.RetryPolicy;
import dev.instructgen.teacher.resilience.RetryingTeacherClient;

import java.util.function.Function;

/**
 * The one place where the teacher stack is assembled. Read from the outside in, a request passes:
 *
 * <pre>
 * Retrying             one loop per request; every attempt below goes through all the layers beneath it,
 *                      and this is the only layer that retries (LangChain4j's maxRetries is 0, OkHttp's
 *                      connection retry is off), so attempts never multiply
 *  CircuitBreaking     an attempt while the teacher is known down waits here instead of hitting the network;
 *                      waiting costs no retry attempt; past --patience: TeacherUnavailableException (exit 3)
 *   AdaptiveConcurrency  AIMD slot per attempt; 429s halve the slots, successes grow them back to --concurrency;
 *                      below the breaker, so attempts held back by an open breaker hold no slot
 *    RateLimited       --max-rpm / --max-tpm, taken just before the wire so the send rate is what the limit says
 *     Metered          per attempt on the wire: in flight, latency, success (faults come from Retrying, which
 *                      alone knows whether another attempt follows)
 *      adapter         OpenAI-compatible or Ollama over LangChain4j, on the shared OkHttp transport
 * </pre>
 *
 * This follows Resilience4j's recommended nesting Retry(CircuitBreaker(RateLimiter(call))), with the adaptive
 * limiter between breaker and rate limiter. Fatal answers (400/401/403/404) pass every layer untouched.
 */
public final class TeacherStack {

    private TeacherStack() {
    }

    /** The full stack with real time, as the CLI uses it. */
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
        OkHttpTransportBuilder http = new OkHttpTransportBuilder(settings.concurrency(), settings.timeout());
        TeacherClient adapter = switch (settings.api()) {
            case OPENAI -> new OpenAiTeacherClient(settings, env, http, seams.clock());
            case OLLAMA -> new OllamaTeacherClient(settings, env, http, seams.clock());
        };
        return decorate(adapter, settings, metrics, seams, retry, breaker);
    }

    /** Wraps any adapter (a fake in tests) in the decorators, in the order explained above. */
    public static TeacherClient decorate(TeacherClient adapter, TeacherSettings settings, TeacherMetrics metrics,
                                         TeacherSeams seams, RetryPolicy retry, BreakerPolicy breaker) {
        TeacherClient client = new MeteredTeacherClient(adapter, metrics, System::nanoTime);
        client = new RateLimitedTeacherClient(client, settings.maxRpm(), settings.maxTpm(), seams.clock(),
                seams.sleeper());
        client = new AdaptiveConcurrencyTeacherClient(client, new AdaptiveConcurrencyLimiter(settings.concurrency()));
        client = new CircuitBreakingTeacherClient(client, breaker, settings.patience(), seams.clock(),
                seams.sleeper());
        return new RetryingTeacherClient(client, retry, metrics, seams.sleeper(), seams.random());
    }
}
