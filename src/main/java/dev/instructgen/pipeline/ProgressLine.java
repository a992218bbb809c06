package dev.instructgen.pipeline;

import dev.instructgen.storage.StatsFile;

import java.time.Duration;
import java.util.Locale;

/** Formats the figures both progress displays show: rate, ETA, yield, in flight, retries, tokens, cost. */
final class ProgressLine {

    private ProgressLine() {
    }

    /** e.g. "accepted 120/500 (24.0%) | 2.00/s | ETA 3m10s | yield 41.2% | in flight 8 | retries 3 | ...". */
    static String summary(ProgressView view) {
        return "accepted " + counts(view) + " | " + details(view);
    }

    static String counts(ProgressView view) {
        StatsFile s = view.stats();
        double pct = s.target() == 0 ? 0 : 100.0 * s.accepted() / s.target();
        return String.format(Locale.ROOT, "%d/%d (%.1f%%)", s.accepted(), s.target(), pct);
    }

    static String details(ProgressView view) {
        StatsFile s = view.stats();
        double rate = s.elapsedSeconds() <= 0 ? 0 : s.accepted() / s.elapsedSeconds();
        return String.format(Locale.ROOT,
                "%.2f/s | ETA %s | yield %s | in flight %d | retries %d | tokens %s in / %s out | $%.4f",
                rate, eta(s, rate), yieldPercent(s), view.inFlight(), s.requests().retries(),
                compact(s.tokens().prompt()), compact(s.tokens().completion()), s.costUsd());
    }

    static String eta(StatsFile s, double rate) {
        long remaining = s.target() - s.accepted();
        if (remaining <= 0) {
            return "0s";
        }
        if (rate <= 0) {
            return "?";
        }
        return human(Duration.ofSeconds((long) Math.ceil(remaining / rate)));
    }

    static String yieldPercent(StatsFile s) {
        return s.proposed() == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * s.accepted() / s.proposed());
    }

    static String human(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        long sec = d.toSecondsPart();
        if (h > 0) {
            return h + "h" + String.format(Locale.ROOT, "%02dm", m);
        }
        return m > 0 ? m + "m" + String.format(Locale.ROOT, "%02ds", sec) : sec + "s";
    }

    static String compact(long n) {
        if (n >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1fM", n / 1e6);
        }
        if (n >= 1_000) {
            return String.format(Locale.ROOT, "%.1fk", n / 1e3);
        }
        return Long.toString(n);
    }
}
