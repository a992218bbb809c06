package dev.instructgen.teacher.resilience;

import java.time.Duration;

/**
 * How hard one request is retried.
 *
 * @param maxAttempts    attempts per request, the first included
 * @param initialBackoff wait before the second attempt; doubles each time (before jitter)
 * @param maxBackoff     cap of the exponential wait
 * @param maxRetryAfter  cap of a server's Retry-After, so a bogus "Retry-After: 86400" cannot stall the run
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (!(initialBackoff.compareTo(Duration.ZERO) > 0) || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 0 < initialBackoff <= maxBackoff, was "
                    + initialBackoff + " and " + maxBackoff);
        }
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter cannot be negative");
        }
    }

    /**
     * 8 attempts waiting about 1, 2, 4, 8, 16, 32, 60 s: a request rides out roughly two minutes of trouble;
     * longer outages are the circuit breaker's business.
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));
    }
}
