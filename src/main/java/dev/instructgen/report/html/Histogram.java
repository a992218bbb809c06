package dev.instructgen.report.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Equal-width bins over values, with one open-ended last bin so that a few very long outputs do not squeeze
 * every other bar into the first one: the bins span up to the 99th percentile.
 */
final class Histogram {

    private Histogram() {
    }

    record Bins(List<String> labels, List<Long> counts, long total) {
    }

    /** Word counts and the like: integer bins of a "nice" width, at most {@code maxBins}. */
    static Bins ofCounts(int[] values, int maxBins) {
        if (values.length == 0) {
            return new Bins(List.of(), List.of(), 0);
        }
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        int p99 = sorted[(int) Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))];
        int width = niceWidth(Math.max(1, p99 + 1), maxBins);
        int bins = Math.max(1, (p99 + width) / width);
        long[] counts = new long[bins + 1];
        for (int v : values) {
            counts[Math.min(bins, Math.max(0, v) / width)]++;
        }
        List<String> labels = new ArrayList<>();
        List<Long> list = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(width == 1 ? Integer.toString(b) : (b * width) + "–" + (b * width + width - 1));
            list.add(counts[b]);
        }
        if (counts[bins] > 0) {
            labels.add("≥ " + bins * width);
            list.add(counts[bins]);
        }
        return new Bins(labels, list, values.length);
    }

    /** Scores in [0, 1] in bins of {@code width} (the Self-Instruct paper's ROUGE-L figure uses 0.05). */
    static Bins ofUnitScores(double[] values, double width) {
        int bins = (int) Math.round(1.0 / width);
        long[] counts = new long[bins];
        for (double v : values) {
            counts[(int) Math.min(bins - 1, Math.max(0, Math.floor(v / width + 1e-9)))]++;
        }
        List<String> labels = new ArrayList<>();
        List<Long> list = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            labels.add(String.format(java.util.Locale.ROOT, "%.2f", b * width));
            list.add(counts[b]);
        }
        return new Bins(labels, list, values.length);
    }

    private static int niceWidth(int span, int maxBins) {
        int[] steps = {1, 2, 5};
        for (int scale = 1; ; scale *= 10) {
            for (int step : steps) {
                if ((long) step * scale * maxBins >= span) {
                    return step * scale;
                }
            }
        }
    }
}
