package dev.instructgen.pipeline;

import dev.instructgen.testing.ScriptedTeacher;
import dev.instructgen.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProgressReporterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T22:00:00Z"));
    private final StringWriter captured = new StringWriter();
    private final PrintWriter err = new PrintWriter(captured);

    private RunStats statsWith(int accepted, int proposed) {
        RunStats stats = new RunStats("self-instruct", 100, clock, usage -> 0.001);
        for (int i = 0; i < accepted; i++) {
            stats.onAccepted();
        }
        stats.onProposed(proposed);
        stats.onAttempt("instruction-generation");
        stats.onFault("instruction-generation", dev.instructgen.teacher.FaultKind.RATE_LIMITED, true);
        stats.onSuccess("instruction-generation", ScriptedTeacher.reply("x"));
        return stats;
    }

    @Test
    void plainReporterPrintsASummaryLineOncePerInterval() {
        PlainProgressReporter reporter = new PlainProgressReporter(err, Duration.ofSeconds(30), clock);
        RunStats stats = statsWith(0, 0);
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 25; i++) {
            stats.onAccepted();
        }
        stats.onProposed(50);

        reporter.update(new ProgressView(stats.snapshot(null), 8));
        assertThat(captured.toString()).isEmpty();

        clock.advance(Duration.ofSeconds(20));
        reporter.update(new ProgressView(stats.snapshot(null), 8));
        clock.advance(Duration.ofSeconds(1));
        reporter.update(new ProgressView(stats.snapshot(null), 8));

        assertThat(captured.toString().lines()).containsExactly(
                "progress: accepted 25/100 (25.0%) | 0.83/s | ETA 1m30s | yield 50.0% | in flight 8 | retries 1 "
                        + "| tokens 100 in / 20 out | $0.0010");
    }

    @Test
    void plainReporterAlwaysPrintsTheFinalState() {
        PlainProgressReporter reporter = new PlainProgressReporter(err, Duration.ofSeconds(30), clock);
        RunStats stats = statsWith(100, 400);
        clock.advance(Duration.ofSeconds(50));

        reporter.finish(new ProgressView(stats.snapshot(RunOutcome.of(StopReason.TARGET_REACHED, "")), 0));

        assertThat(captured.toString()).startsWith("completed: accepted 100/100 (100.0%) | 2.00/s | ETA 0s | "
                + "yield 25.0% | in flight 0");
    }

    @Test
    void barReporterDrawsAcceptedOverTargetAndEndsWithTheSummary() {
        BarProgressReporter reporter = new BarProgressReporter(err);
        RunStats stats = statsWith(40, 80);
        clock.advance(Duration.ofSeconds(20));

        reporter.update(new ProgressView(stats.snapshot(null), 4));
        reporter.finish(new ProgressView(stats.snapshot(RunOutcome.of(StopReason.INTERRUPTED, "")), 0));

        String out = captured.toString();
        assertThat(out).contains("accepted").contains("40/100");
        assertThat(out).contains("stopped: accepted 40/100 (40.0%) | 2.00/s | ETA 30s | yield 50.0%");
    }

    /**
     * The bar must not open a JLine terminal: on a real terminal JLine installs its own Ctrl-C handler over ours,
     * and Ctrl-C then killed the process instead of stopping it cleanly with exit 3. The progressbar library that
     * opened it is gone from the build, and JLine with it, so no terminal can be opened while drawing.
     */
    @Test
    void drawingTheBarNeverOpensAJLineTerminal() {
        BarProgressReporter reporter = new BarProgressReporter(err);
        RunStats stats = statsWith(10, 20);

        reporter.update(new ProgressView(stats.snapshot(null), 4));

        assertThatThrownBy(() -> Class.forName("me.tongfei.progressbar.TerminalUtils"))
                .as("progressbar's JLine terminal").isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("org.jline.terminal.TerminalBuilder"))
                .isInstanceOf(ClassNotFoundException.class);
        reporter.finish(new ProgressView(stats.snapshot(RunOutcome.of(StopReason.TARGET_REACHED, "")), 0));
    }
}
