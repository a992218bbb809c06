package dev.instructgen.teacher.resilience;

import java.time.Duration;

/**
 * When the circuit breaker opens and how it probes.
 *
 * @param windowSize       last N attempts the failure rate is computed over
 * @param minimumCalls     attempts needed before the rate counts
 * @param failureRatePct   failure rate (percent) that opens the breaker
 * @param firstOpenWait    how long the breaker stays open before the first probe; doubles after failed probes
 * @param maxOpenWait      cap of that wait
 * @param pollInterval     how often a held-back request looks whether it may go
 */
public record BreakerPolicy(int windowSize, int minimumCalls, float failureRatePct, Duration firstOpenWait,
                            Duration maxOpenWait, Duration pollInterval) {

    public BreakerPolicy {
        if (windowSize < 1 || minimumCalls < 1 || minimumCalls > windowSize) {
            throw new IllegalArgumentException("need 1 <= minimumCalls <= windowSize");
        }
        if (failureRatePct <= 0 || failureRatePct > 100) {
            throw new IllegalArgumentException("failureRatePct must be within (0, 100]");
        }
        if (!(firstOpenWait.compareTo(Duration.ZERO) > 0) || maxOpenWait.compareTo(firstOpenWait) < 0 || !(pollInterval.compareTo(Duration.ZERO) > 0)) {
            throw new IllegalArgumentException("need positive waits with firstOpenWait <= maxOpenWait");
        }
    }

    /**
     * Opens when 18 of the last 20 attempts could not reach the teacher: an endpoint that is down, not one that fails
     * a third of its requests and answers the rest (at 30% failures 18 of 20 happens with odds of about 4e-8, where
     * the former "half of 20" opened every few hundred attempts and stalled the run); probes after 2 s..1 min.
     */
    public static BreakerPolicy defaults() {
        return new BreakerPolicy(20, 20, 90f, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMillis(500));
    }
}
