package dev.instructgen.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small conversions shared by the chart builders: tables from counts, percentages, keys and values. */
final class Tables {

    private Tables() {
    }

    static Chart.Table counts(String keyHeader, Map<String, ? extends Number> counts) {
        List<List<String>> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(List.of(k, format(v))));
        return new Chart.Table(List.of(keyHeader, "count"), rows);
    }

    static Chart.Table bins(String binHeader, List<String> labels, Map<String, List<Long>> series) {
        List<String> header = new ArrayList<>(List.of(binHeader));
        header.addAll(series.keySet());
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            List<String> row = new ArrayList<>(List.of(labels.get(i)));
            for (List<Long> values : series.values()) {
                row.add(i < values.size() ? Long.toString(values.get(i)) : "0");
            }
            rows.add(row);
        }
        return new Chart.Table(header, rows);
    }

    static String format(Number n) {
        if (n instanceof Double || n instanceof Float) {
            return String.format(Locale.ROOT, "%.4f", n.doubleValue());
        }
        return Long.toString(n.longValue());
    }

    static String percent(double part, double whole) {
        return whole <= 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }

    static long sum(Map<?, ? extends Number> counts) {
        return counts.values().stream().mapToLong(Number::longValue).sum();
    }

    static <K> String top(Map<K, Long> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(e -> e.getKey() + " (" + e.getValue() + ")").orElse("none");
    }

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
