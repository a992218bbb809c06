package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.BackoffObserver;
import dev.instructgen.teacher.PromptRejectedException;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Retries a request on {@link RetriableTeacherException} (429, 5xx, timeouts, connection failures, broken or
 * empty bodies), never on fatal ones, with exponential backoff and "equal jitter" (half the exponential wait
 * fixed, half random) so that many threads failing together do not come back together. A server's Retry-After
 * is used as the wait instead, exactly, up to {@link RetryPolicy#maxRetryAfter()}.
 *
 * <p>The policy is a Resilience4j {@link RetryConfig} (attempts, exception predicate, interval function). The
 * loop that applies it is ours: Resilience4j's synchronous retry waits through a JVM-wide static sleep hook,
 * while this class waits through an injected {@link Sleeper} so tests can check every wait without sleeping.
 *
 * <p>This is the only retry layer of the stack: LangChain4j's retries are off and OkHttp does not retry.
 */
public final class RetryingTeacherClient implements TeacherClient {

    /**
     * Attempts for a request the server answered with empty or unreadable content (issue 17 #11): sampling may
     * give a usable reply on a second or third try, but a model that keeps answering nothing would otherwise hold
     * each request for 8 attempts and two minutes of backoff, and a run that never gets one answer took nine
     * minutes to stop.
     */
    static final int UNUSABLE_ANSWER_ATTEMPTS = 3;

    private final TeacherClient delegate;
    private final RetryConfig config;
    private final TeacherMetrics metrics;
    private final Sleeper sleeper;
    private final Patience patience;
    private final BackoffObserver backoffs;

    public RetryingTeacherClient(TeacherClient delegate, RetryPolicy policy, TeacherMetrics metrics,
                                 Sleeper sleeper, RandomGenerator random) {
        this(delegate, policy, metrics, sleeper, random, null);
    }

    /**
     * @param patience the breaker's, or null: a backoff never sleeps past the moment it runs out, so the next
     *                 attempt reaches the breaker in time to end the run
     */
    public RetryingTeacherClient(TeacherClient delegate, RetryPolicy policy, TeacherMetrics metrics,
                                 Sleeper sleeper, RandomGenerator random, Patience patience) {
        this(delegate, policy, metrics, sleeper, random, patience, BackoffObserver.NONE);
    }

    /**
     * @param backoffs told when a request starts and ends each backoff, so the engine can lend its place meanwhile
     */
    public RetryingTeacherClient(TeacherClient delegate, RetryPolicy policy, TeacherMetrics metrics,
                                 Sleeper sleeper, RandomGenerator random, Patience patience,
                                 BackoffObserver backoffs) {
        this.delegate = delegate;
        this.backoffs = backoffs;
        this.patience = patience;
        this.metrics = metrics;
        this.sleeper = sleeper;
        this.config = RetryConfig.<TeacherReply>custom()
                .maxAttempts(policy.maxAttempts())
                .retryOnException(e -> e instanceof RetriableTeacherException)
                .intervalBiFunction(waits(policy, random))
                .build();
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return delegate.complete(request);
            } catch (PromptRejectedException rejected) {
                metrics.onFault(request.stage(), rejected.kind(), false);
                throw rejected;
            } catch (RetriableTeacherException fault) {
                int allowed = fault.kind().isUnusableAnswer()
                        ? Math.min(UNUSABLE_ANSWER_ATTEMPTS, config.getMaxAttempts()) : config.getMaxAttempts();
                boolean willRetry = attempt < allowed && config.getExceptionPredicate().test(fault);
                metrics.onFault(request.stage(), fault.kind(), willRetry);
                if (!willRetry) {
                    throw new RetriableTeacherException(fault.kind(), "gave up after " + attempt + " attempts: "
                            + fault.getMessage(), fault.retryAfter().orElse(null), fault);
                }
                Duration wait = Duration.ofMillis(
                        config.<TeacherReply>getIntervalBiFunction().apply(attempt, Either.left(fault)));
                Duration left = patience == null ? null : patience.left().orElse(null);
                backoffs.waiting();
                try {
                    Sleeper.sleepOrCancel(sleeper, left != null && left.compareTo(wait) < 0 ? left : wait);
                } finally {
                    backoffs.resumed();
                }
            }
        }
    }

    /** Wait after failed attempt n (1-based): Retry-After when given, else equal-jitter exponential backoff. */
    static IntervalBiFunction<TeacherReply> waits(RetryPolicy policy, RandomGenerator random) {
        return (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof RetriableTeacherException fault
                    && fault.retryAfter().isPresent()) {
                Duration wait = fault.retryAfter().get();
                return (wait.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : wait).toMillis();
            }
            long initial = policy.initialBackoff().toMillis();
            long cap = policy.maxBackoff().toMillis();
            int doublings = Math.min(attempt - 1, 30);
            long exponential = Math.min(cap, initial << doublings);
            long half = exponential / 2;
            long jitter;
            synchronized (random) {
                jitter = random.nextLong(exponential - half + 1);
            }
            return half + jitter;
        };
    }

    @Override
    public TeacherIdentity identity() {
        return delegate.identity();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
