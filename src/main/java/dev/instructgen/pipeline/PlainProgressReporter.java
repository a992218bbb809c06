package dev.instructgen.pipeline;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** One summary line every interval, for logs of unattended runs (nohup, CI) where a bar would be noise. */
public final class PlainProgressReporter implements ProgressReporter {

    private final PrintWriter err;
    private final Duration interval;
    private final Clock clock;
    private Instant lastPrinted;

    public PlainProgressReporter(PrintWriter err, Duration interval, Clock clock) {
        this.err = err;
        this.interval = interval;
        this.clock = clock;
        this.lastPrinted = clock.instant();
    }

    @Override
    public synchronized void update(ProgressView view) {
        Instant now = clock.instant();
        if (Duration.between(lastPrinted, now).compareTo(interval) >= 0) {
            lastPrinted = now;
            print("progress: ", view);
        }
    }

    @Override
    public synchronized void finish(ProgressView view) {
        print(view.stats().status() + ": ", view);
    }

    private void print(String prefix, ProgressView view) {
        err.println(prefix + ProgressLine.summary(view));
        err.flush();
    }
}
