package dev.instructgen.pipeline;

import dev.instructgen.report.BatchSummaryText;
import dev.instructgen.storage.StatsFile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Formats the figures both progress displays show: rate, ETA, yield, in flight, retries, tokens, cost. The yield
 * is {@link StatsFile#yield}, the one the stats command prints.
 */
final class ProgressLine {

    /** The narrowest bar worth drawing (between its brackets). */
    static final int MIN_BAR = 10;
    private static final int MAX_BAR = 30;

    private ProgressLine() {
    }

    /** e.g. "accepted 120/500 (24.0%) | 2.00/s | ETA 3m10s | yield 41.2% | in flight 8 | retries 3 | ...". */
    static String summary(ProgressView view) {
        return "accepted " + counts(view) + " | " + details(view);
    }

    static String counts(ProgressView view) {
        StatsFile s = view.stats();
        if (s.accepted() > s.target()) {
            // a resume with a smaller --target: the file holds more than asked, and nothing is removed
            return String.format(Locale.ROOT, "%d (target %d reached)", s.accepted(), s.target());
        }
        return String.format(Locale.ROOT, "%d/%d (%.1f%%)", s.accepted(), s.target(), percent(s));
    }

    static String details(ProgressView view) {
        StatsFile s = view.stats();
        double rate = rate(s);
        return String.format(Locale.ROOT,
                "%.2f/s | ETA %s | yield %s | in flight %d | retries %d | tokens %s in / %s out | $%.4f",
                rate, eta(s, rate), yieldPercent(s), view.inFlight(), s.requests().retries(),
                compact(s.tokens().prompt()), compact(s.tokens().completion()), s.costUsd())
                + BatchSummaryText.progress(s.sections()).map(batches -> " | " + batches).orElse("");
    }

    /**
     * One terminal line of at most {@code width - 1} characters (the last column would wrap on some terminals):
     * the counts always, then the bar and the figures by priority, dropping the least important ones until the
     * line fits; the bar takes the room left, up to 30 characters. The clock is the run's active time, so it ticks
     * while replies are awaited.
     */
    static String fitted(ProgressView view, int width) {
        StatsFile s = view.stats();
        double rate = rate(s);
        List<Field> fields = new ArrayList<>(List.of(
                new Field(0, 0, "accepted " + (s.accepted() > s.target()
                        ? s.accepted() + " (target " + s.target() + " reached)" : s.accepted() + "/" + s.target())),
                new Field(1, 1, ""),
                new Field(2, 2, String.format(Locale.ROOT, "%.1f%%", Math.min(100, percent(s)))),
                new Field(3, 3, clock(s.elapsedSeconds())),
                new Field(4, 4, "ETA " + eta(s, rate)),
                new Field(5, 5, String.format(Locale.ROOT, "%.2f/s", rate)),
                new Field(6, 9, String.format(Locale.ROOT, "$%.4f", s.costUsd())),
                new Field(7, 6, "yield " + yieldPercent(s)),
                new Field(8, 7, "in flight " + view.inFlight()),
                new Field(9, 8, "tokens " + compact(s.tokens().prompt()) + "/" + compact(s.tokens().completion())),
                new Field(10, 10, "retries " + s.requests().retries())));
        BatchSummaryText.progress(s.sections()).ifPresent(batches -> fields.add(new Field(11, 11, batches)));
        int limit = Math.max(1, width - 1);
        while (fields.size() > 1) {
            int length = fields.stream().mapToInt(f -> f.isBar() ? MIN_BAR + 2 : f.text().length()).sum()
                    + fields.size() - 1;
            if (length <= limit) {
                int inner = Math.min(MAX_BAR, MIN_BAR + limit - length);
                return render(fields, bar(s, inner));
            }
            fields.remove(fields.stream().max(Comparator.comparingInt(Field::priority)).orElseThrow());
        }
        String counts = fields.get(0).text();
        return counts.length() <= limit ? counts : counts.substring(0, limit);
    }

    /**
     * A figure of the fitted line: {@code priority} 0 is kept longest, {@code order} places it; the bar's text is
     * empty, drawn once its width is known.
     */
    private record Field(int priority, int order, String text) {

        boolean isBar() {
            return text.isEmpty();
        }
    }

    private static String render(List<Field> fields, String bar) {
        List<Field> ordered = new ArrayList<>(fields);
        ordered.sort(Comparator.comparingInt(Field::order));
        StringBuilder line = new StringBuilder();
        for (Field f : ordered) {
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(f.isBar() ? bar : f.text());
        }
        return line.toString();
    }

    /** "[=======>      ]" of {@code inner} characters between the brackets. */
    static String bar(StatsFile s, int inner) {
        double done = s.target() == 0 ? 1 : Math.min(1.0, (double) s.accepted() / s.target());
        int filled = (int) Math.floor(done * inner);
        StringBuilder bar = new StringBuilder("[");
        for (int i = 0; i < inner; i++) {
            bar.append(i < filled ? '=' : i == filled && filled < inner ? '>' : ' ');
        }
        return bar.append(']').toString();
    }

    /** h:mm:ss of active time. */
    static String clock(double seconds) {
        long total = (long) seconds;
        return String.format(Locale.ROOT, "%d:%02d:%02d", total / 3600, total / 60 % 60, total % 60);
    }

    private static double percent(StatsFile s) {
        return s.target() == 0 ? 0 : 100.0 * s.accepted() / s.target();
    }

    private static double rate(StatsFile s) {
        return s.elapsedSeconds() <= 0 ? 0 : s.accepted() / s.elapsedSeconds();
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
        Double yield = StatsFile.yield(s.accepted(), s.rejectedTotal(), s.proposed());
        return yield == null ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * yield);
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
