package dev.instructgen.teacher.resilience;

import java.time.Duration;
import java.util.concurrent.CancellationException;

/**
 * Waiting, as a seam: the decorators wait through it so tests can record the waits and advance a fake clock
 * instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** Real waiting on the current thread. */
    static Sleeper system() {
        return duration -> {
            if ((duration.compareTo(Duration.ZERO) > 0)) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        };
    }

    /**
     * Sleeps, turning an interrupt into a {@link CancellationException} with the interrupt flag kept: whoever
     * interrupted a teacher call (the engine on Ctrl-C) wants it abandoned, not retried.
     */
    static void sleepOrCancel(Sleeper sleeper, Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("teacher call interrupted while waiting");
            cancelled.initCause(e);
            throw cancelled;
        }
    }
}
