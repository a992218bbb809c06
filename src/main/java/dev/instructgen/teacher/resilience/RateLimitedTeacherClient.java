package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Keeps a hosted API's limits: {@code --max-rpm} requests and {@code --max-tpm} tokens per minute, both with
 * Resilience4j {@link RateLimiter} for requests and a {@link TokenWindow} for tokens. A permission is reserved
 * (never refused) and the wait it costs is slept
 * through the {@link Sleeper} seam, so tests see the waits without real time passing.
 *
 * <p>Requests are spaced evenly (one every 60 s / rpm) rather than allowed in a burst at each minute boundary,
 * since providers often enforce their per-minute limits over shorter windows. Tokens are budgeted per minute;
 * a request's tokens are not known before the reply, so it is charged an estimate: prompt characters / 4 (a
 * common rule of thumb for English BPE tokenizers) plus its max_tokens (or {@value #ASSUMED_COMPLETION_TOKENS}
 * when unset) as the worst case, settled to its real usage when the reply comes.
 */
public final class RateLimitedTeacherClient implements TeacherClient {

    static final int ASSUMED_COMPLETION_TOKENS = 512;
    private static final Duration NEVER_REFUSE = Duration.ofDays(1);

    private final TeacherClient delegate;
    private final RateLimiter requests;
    private final TokenWindow tokens;
    private final Sleeper sleeper;

    /**
     * @param maxRpm requests per minute, 0 for no limit
     * @param maxTpm tokens per minute, 0 for no limit
     */
    public RateLimitedTeacherClient(TeacherClient delegate, int maxRpm, int maxTpm, Clock clock, Sleeper sleeper) {
        this.delegate = delegate;
        this.sleeper = sleeper;
        Supplier<Long> nanoTime = () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
        this.requests = maxRpm <= 0 ? null : RateLimiter.of("teacher-rpm", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(60_000_000_000L / maxRpm))
                .timeoutDuration(NEVER_REFUSE)
                .build(), nanoTime);
        this.tokens = maxTpm <= 0 ? null : new TokenWindow(maxTpm, clock, sleeper);
    }

    /** The tokens one request is charged against --max-tpm before its real usage is known. */
    public static int estimatedTokens(TeacherRequest request) {
        Integer maxTokens = request.sampling().maxTokens();
        long estimate = (request.promptChars() + 3L) / 4 + (maxTokens == null ? ASSUMED_COMPLETION_TOKENS : maxTokens);
        return (int) Math.min(Integer.MAX_VALUE, estimate);
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        if (requests != null) {
            waitFor(requests, 1);
        }
        if (tokens == null) {
            return delegate.complete(request);
        }
        // A single request larger than the whole minute's budget is charged the whole budget, else it could never
        // be sent. After the reply the charge becomes what was really used; a failed attempt keeps only its
        // prompt, which the server may have read.
        TokenWindow.Charge charge = tokens.reserve(estimatedTokens(request));
        try {
            TeacherReply reply = delegate.complete(request);
            tokens.settle(charge, reply.usage().promptTokens() + reply.usage().completionTokens());
            return reply;
        } catch (RuntimeException failed) {
            tokens.settle(charge, (request.promptChars() + 3L) / 4);
            throw failed;
        }
    }

    private void waitFor(RateLimiter limiter, int permits) {
        long waitNanos = limiter.reservePermission(permits);
        if (waitNanos > 0) {
            Sleeper.sleepOrCancel(sleeper, Duration.ofNanos(waitNanos));
        }
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
