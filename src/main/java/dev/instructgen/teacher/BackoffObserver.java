package dev.instructgen.teacher;

/**
 * Told when a request starts and ends waiting between two attempts (the retry backoff). The engine uses it to lend
 * the waiting job's place to another job, so a request that sleeps half a second to a second before its next
 * attempt does not leave the wire idle. Called on the thread that waits; {@link #resumed()} always follows
 * {@link #waiting()}, even when the wait is cancelled.
 */
public interface BackoffObserver {

    BackoffObserver NONE = of(() -> { }, () -> { });

    /** An observer running {@code waiting} and {@code resumed}. */
    static BackoffObserver of(Runnable waiting, Runnable resumed) {
        return new BackoffObserver() {
            @Override
            public void waiting() {
                waiting.run();
            }

            @Override
            public void resumed() {
                resumed.run();
            }
        };
    }

    /** The calling thread begins a backoff: it holds no request slot until {@link #resumed()}. */
    void waiting();

    /** The calling thread's backoff is over (slept out or cancelled). */
    void resumed();
}
