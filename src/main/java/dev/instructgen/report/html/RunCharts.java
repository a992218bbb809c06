package dev.instructgen.report.html;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's other figures: lengths (the Self-Instruct paper's Fig. 4), the yield funnel with the rejection
 * catalogue, what each method adds (classification share and instances per task for Self-Instruct;
 * operations, rounds and eliminations for Evol-Instruct; turns, sources and scores where a run has them),
 * progress over time, and licenses. A figure whose data the run does not have is left out.
 */
final class RunCharts {

    private RunCharts() {
    }

    static List<Chart> lengths(RunDigest d) {
        List<Chart> charts = new ArrayList<>();
        String[] fields = {"instruction", "input", "output"};
        int[][] kept = {d.kept.instruction.toArray(), d.kept.input.toArray(), d.kept.output.toArray()};
        int[][] dropped = {d.dropped.instruction.toArray(), d.dropped.input.toArray(), d.dropped.output.toArray()};
        for (int f = 0; f < fields.length; f++) {
            int[] both = new int[kept[f].length + dropped[f].length];
            System.arraycopy(kept[f], 0, both, 0, kept[f].length);
            System.arraycopy(dropped[f], 0, both, kept[f].length, dropped[f].length);
            Histogram.Bins all = Histogram.ofCounts(both, 30);
            Map<String, List<Long>> series = new LinkedHashMap<>();
            series.put("kept", sameBins(kept[f], all));
            series.put("rejected", sameBins(dropped[f], all));
            String reading = String.format(Locale.ROOT, "Kept %s: median %d words over %d examples; rejected "
                    + "candidates: median %d words over %d.", fields[f], median(kept[f]), kept[f].length,
                    median(dropped[f]), dropped[f].length);
            String title = "Length of the " + fields[f] + " (words)";
            charts.add(new Chart("length-" + fields[f], title, reading,
                    EchartsOption.bars(title, "words", "records", all.labels(), new LinkedHashMap<>(series), false),
                    Tables.bins("words", all.labels(), series), both.length));
        }
        return charts;
    }

    static Chart funnel(RunDigest d) {
        long proposed = Math.max(d.stats.path("proposed").asLong(0), d.examples + d.rejected);
        Map<String, Long> steps = new LinkedHashMap<>();
        steps.put("proposed", proposed);
        d.rejectedByReason.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> steps.put("rejected: " + e.getKey(), e.getValue()));
        steps.put("accepted", d.examples);
        String reading = String.format(Locale.ROOT, "%d of %d proposed candidates were accepted (%s); the most "
                + "common rejection was %s.", d.examples, proposed, Tables.percent(d.examples, proposed),
                Tables.top(d.rejectedByReason));
        String title = "Yield: proposed, rejected by reason, accepted";
        return new Chart("yield", title, reading, EchartsOption.bars(title, "step", "candidates",
                List.copyOf(steps.keySet()), Map.of("candidates", List.copyOf(steps.values())), false),
                Tables.counts("step", steps), proposed);
    }

    static Chart stages(RunDigest d) {
        List<String> stages = List.copyOf(d.rejectedByStage.keySet());
        Map<String, List<? extends Number>> series = new TreeMap<>();
        List<List<String>> rows = new ArrayList<>();
        d.rejectedByReason.keySet().forEach(reason -> series.put(reason, stages.stream()
                .map(s -> d.rejectedByStage.get(s).getOrDefault(reason, 0L)).toList()));
        d.rejectedByStage.forEach((stage, reasons) -> reasons.forEach((reason, n) ->
                rows.add(List.of(stage, reason, Long.toString(n)))));
        String reading = d.rejected == 0 ? "No candidate was rejected."
                : String.format(Locale.ROOT, "%d rejections over %d stages; the stage rejecting most was %s.",
                d.rejected, stages.size(), Tables.top(totals(d.rejectedByStage)));
        String title = "Rejections per stage and reason";
        return new Chart("stages", title, reading, EchartsOption.bars(title, "stage", "rejected", stages, series, true),
                new Chart.Table(List.of("stage", "reason", "rejected"), rows), d.rejected);
    }

    static List<Chart> methods(RunDigest d) {
        List<Chart> charts = new ArrayList<>();
        charts.add(counts("methods", "Examples by method", "method", "examples", d.byMethod,
                String.format(Locale.ROOT, "%d examples; most from %s.", d.examples, Tables.top(d.byMethod))));
        long judged = d.classification + d.notClassification;
        if (judged > 0) {
            Map<String, Long> share = new LinkedHashMap<>();
            share.put("classification", d.classification);
            share.put("not classification", d.notClassification);
            charts.add(counts("classification", "Self-Instruct: classification tasks", "task type", "examples",
                    share, "Classification tasks are " + Tables.percent(d.classification, judged)
                            + " of the Self-Instruct examples."));
        }
        if (!d.instancesPerTask.isEmpty()) {
            int[] perTask = d.instancesPerTask.values().stream().mapToInt(Integer::intValue).toArray();
            charts.add(DiversityCharts.histogram("instances-per-task", "Instances per task", String.format(
                    Locale.ROOT, "%d tasks, %.2f instances per task on average.", perTask.length,
                    (double) java.util.Arrays.stream(perTask).sum() / perTask.length),
                    "instances", "tasks", Histogram.ofCounts(perTask, 20)));
        }
        if (!d.evolOperations.isEmpty()) {
            charts.add(counts("evol-operations", "Evol-Instruct: evolved examples by operation", "operation",
                    "examples", d.evolOperations, "Most evolved examples come from " + Tables.top(d.evolOperations)
                            + "."));
            Map<String, Long> rounds = new LinkedHashMap<>();
            d.evolRounds.forEach((round, n) -> rounds.put("round " + round, n));
            charts.add(counts("evol-rounds", "Evol-Instruct: evolved examples by round", "round", "examples",
                    rounds, "Examples reached up to round " + d.evolRounds.keySet().stream().mapToInt(i -> i).max()
                            .orElse(0) + "."));
        }
        JsonNode eliminated = d.stats.path("evolution").path("eliminated");
        long attempted = d.stats.path("evolution").path("attempted").asLong(0);
        if (eliminated.isObject() && attempted > 0) {
            Map<String, Long> shares = new TreeMap<>();
            eliminated.fields().forEachRemaining(e -> shares.put(e.getKey(), e.getValue().asLong()));
            charts.add(counts("evol-eliminations", "Evol-Instruct: eliminated evolutions by rule", "rule",
                    "evolutions", shares, Tables.percent(Tables.sum(shares), attempted) + " of " + attempted
                            + " attempted evolutions were eliminated."));
        }
        if (!d.turns.isEmpty()) {
            Map<String, Long> turns = new LinkedHashMap<>();
            d.turns.forEach((n, c) -> turns.put(n + " turns", c));
            charts.add(counts("turns", "Turns per conversation", "turns", "examples", turns,
                    "Most conversations have " + Tables.top(d.turns) + "."));
        }
        if (!d.sources.isEmpty()) {
            charts.add(counts("sources", "Examples by source", "source", "examples", d.sources,
                    "Largest source: " + Tables.top(d.sources) + "."));
        }
        if (!d.scores.isEmpty()) {
            double[] scores = d.scores.stream().mapToDouble(Double::doubleValue).toArray();
            double max = java.util.Arrays.stream(scores).max().orElse(1);
            double[] unit = java.util.Arrays.stream(scores).map(s -> max > 1 ? s / max : s).toArray();
            charts.add(DiversityCharts.histogram("scores", "Judge scores", String.format(Locale.ROOT,
                    "Median score %.2f over %d examples%s.", Tables.median(scores), scores.length,
                    max > 1 ? " (scaled to 0-1 by the maximum " + max + ")" : ""),
                    "score (bin start)", "examples", Histogram.ofUnitScores(unit, 0.1)));
        }
        return charts;
    }

    static List<Chart> overTime(RunDigest d) {
        List<String> minutes = List.copyOf(d.perMinute.keySet());
        List<Long> accepted = new ArrayList<>();
        List<Long> tokens = new ArrayList<>();
        long runningAccepted = 0;
        long runningTokens = 0;
        for (long[] minute : d.perMinute.values()) {
            accepted.add(runningAccepted += minute[0]);
            tokens.add(runningTokens += minute[1]);
        }
        if (minutes.isEmpty()) {
            return List.of();
        }
        Map<String, List<Long>> series = new LinkedHashMap<>();
        series.put("accepted (cumulative)", accepted);
        series.put("tokens (cumulative)", tokens);
        String title = "Progress over time (per minute of created_at, UTC)";
        String reading = String.format(Locale.ROOT, "%d generated examples and %d tokens over %d minutes.",
                runningAccepted, runningTokens, minutes.size());
        var option = EchartsOption.lines(title, "minute", "count", minutes, new LinkedHashMap<>(series));
        // Two scales: tokens are thousands of times the examples.
        option.set("yAxis", option.arrayNode().add(option.objectNode().put("type", "value").put("name", "examples"))
                .add(option.objectNode().put("type", "value").put("name", "tokens")));
        ((com.fasterxml.jackson.databind.node.ObjectNode) option.withArray("series").get(1)).put("yAxisIndex", 1);
        return List.of(new Chart("over-time", title, reading, option, Tables.bins("minute", minutes, series),
                runningAccepted));
    }

    static List<Chart> licenses(RunDigest d) {
        return List.of(counts("licenses", "Licenses of the examples", "license", "examples", d.licenses,
                        "Commercial use: " + d.commercialUse + "."),
                counts("teachers", "Teacher models", "model", "generated examples", d.teachers,
                        d.teachers.isEmpty() ? "No example names its teacher." : "Generated by " + d.teachers.keySet()
                                + "."));
    }

    static Chart counts(String id, String title, String xName, String yName, Map<String, Long> counts,
                        String reading) {
        return new Chart(id, title, reading, EchartsOption.bars(title, xName, yName, List.copyOf(counts.keySet()),
                Map.of(yName, List.copyOf(counts.values())), false), Tables.counts(xName, counts), Tables.sum(counts));
    }

    private static List<Long> sameBins(int[] values, Histogram.Bins bins) {
        long[] counts = new long[bins.labels().size()];
        for (int v : values) {
            int b = 0;
            while (b + 1 < bins.labels().size() && v >= lowerBound(bins.labels().get(b + 1))) {
                b++;
            }
            counts[b]++;
        }
        return java.util.Arrays.stream(counts).boxed().toList();
    }

    private static int lowerBound(String label) {
        String digits = label.replace("≥ ", "");
        int dash = digits.indexOf('–');
        return Integer.parseInt(dash < 0 ? digits : digits.substring(0, dash));
    }

    private static Map<String, Long> totals(Map<String, Map<String, Long>> nested) {
        Map<String, Long> totals = new TreeMap<>();
        nested.forEach((k, v) -> totals.put(k, Tables.sum(v)));
        return totals;
    }

    private static int median(int[] values) {
        if (values.length == 0) {
            return 0;
        }
        int[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
