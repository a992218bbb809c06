package dev.instructgen.pipeline;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

/**
 * Shows a run's progress. Called about once a second with fresh counters, and once at the end.
 * Implementations write to the command's error stream only, so standard output stays clean for scripts.
 */
public interface ProgressReporter {

    void update(ProgressView view);

    /** The final state; prints a summary line whatever the interval. */
    void finish(ProgressView view);

    /**
     * A progress bar when a person is watching (a console is attached), otherwise a plain line every
     * {@code interval} (nohup, CI, redirected output).
     */
    static ProgressReporter forEnvironment(boolean interactive, PrintWriter err, Duration interval, Clock clock) {
        return interactive ? new BarProgressReporter(err) : new PlainProgressReporter(err, interval, clock);
    }
}
