package dev.instructgen.pipeline;

import dev.instructgen.testing.ScriptedTeacher;
import dev.instructgen.testing.MutableClock;
import dev.instructgen.storage.StatsFile;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 17 #5 and #16: the terminal line fits its width, draws a real bar, ticks, and shows the one yield. */
class ProgressLineTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T22:00:00Z"));

    private RunStats stats(int accepted, int proposed) {
        RunStats stats = new RunStats("self-instruct", 2000, clock, usage -> 0.001);
        for (int i = 0; i < accepted; i++) {
            stats.onAccepted();
        }
        stats.onProposed(proposed);
        stats.onAttempt("instruction-generation");
        stats.onSuccess("instruction-generation", ScriptedTeacher.reply("x"));
        return stats;
    }

    @Test
    void theLineFitsEveryCommonWidthWithoutWrapping() {
        RunStats stats = stats(1234, 3000);
        clock.advance(Duration.ofSeconds(3725));
        ProgressView view = new ProgressView(stats.snapshot(null), 32);

        for (int width : new int[] {40, 60, 80, 100, 120, 160, 200}) {
            String line = ProgressLine.fitted(view, width);
            assertThat(line.length()).as(width + " columns: " + line).isLessThan(width);
            assertThat(line).startsWith("accepted 1234/2000");
        }
        assertThat(ProgressLine.fitted(view, 80)).contains("[", "=", "]").contains("61.7%").contains("1:02:05");
        assertThat(ProgressLine.fitted(view, 200)).contains("tokens 100/20").contains("$0.0010")
                .contains("retries 0");
        assertThat(ProgressLine.fitted(view, 20)).isEqualTo("accepted 1234/2000");
    }

    @Test
    void theBarIsFilledInProportionToTheTarget() {
        RunStats stats = stats(1000, 2000);
        String bar = ProgressLine.bar(stats.snapshot(null), 20);

        assertThat(bar).isEqualTo("[==========>         ]");
    }

    @Test
    void theClockTicksWhileNoReplyComesBack() {
        RunStats stats = stats(10, 20);
        String before = ProgressLine.fitted(new ProgressView(stats.snapshot(null), 8), 120);
        clock.advance(Duration.ofSeconds(7));
        String after = ProgressLine.fitted(new ProgressView(stats.snapshot(null), 8), 120);

        assertThat(before).contains("0:00:00");
        assertThat(after).contains("0:00:07");
    }

    @Test
    void examplesAcceptedWithoutAProposalNeverPushTheYieldPastOneHundredPercent() {
        // Evol-Instruct --keep-originals: 100 originals copied, 95 of 100 evolutions accepted, 5 rejected
        RunStats stats = stats(195, 100);
        for (int i = 0; i < 5; i++) {
            stats.onRejected("apology");
        }
        StatsFile s = stats.snapshot(null);

        assertThat(ProgressLine.yieldPercent(s)).isEqualTo("97.5%");
        assertThat(StatsFile.yield(s.accepted(), s.rejectedTotal(), s.proposed())).isEqualTo(0.975);
    }

    @Test
    void theBarReporterRedrawsOneLineOfTheMeasuredWidth() {
        StringWriter captured = new StringWriter();
        BarProgressReporter reporter = new BarProgressReporter(new PrintWriter(captured), () -> 80);
        RunStats stats = stats(500, 1000);
        clock.advance(Duration.ofSeconds(10));

        reporter.update(new ProgressView(stats.snapshot(null), 4));

        String drawn = captured.toString();
        assertThat(drawn).startsWith("\r").doesNotContain("\n");
        assertThat(drawn.length() - 1).isLessThan(80);
        assertThat(drawn).contains("[=====>");
    }
}
