package dev.instructgen.report.html;

import dev.instructgen.text.RougeLIndex;
import dev.instructgen.text.Tokenizer;
import dev.instructgen.text.TokenizerKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The Self-Instruct paper's diversity and novelty figures (Wang et al. 2023, Sec. 4.2, Fig. 3 and 4): the
 * verb-noun sunburst of the instructions (top 20 root verbs, top 4 object nouns each, as in the paper) and
 * the ROUGE-L of each instruction to its most similar seed; plus the score each example had against the whole
 * pool when it was accepted, as the run recorded it.
 */
final class DiversityCharts {

    static final int TOP_VERBS = 20;
    static final int TOP_NOUNS = 4;
    /**
     * Instructions tagged for the sunburst at most: an evenly spaced sample beyond this. The top 20 verbs of
     * 10,000 instructions are those of the whole run within sampling error, and tagging is the slowest step
     * of the report (about a tenth of a millisecond of CPU per instruction).
     */
    static final int VERB_NOUN_SAMPLE = 10_000;

    private DiversityCharts() {
    }

    static Chart sunburst(RunDigest d, VerbNounExtractor.Models models) {
        ThreadLocal<VerbNounExtractor> extractors = ThreadLocal.withInitial(() -> new VerbNounExtractor(models));
        List<String> tagged = evenlySpaced(d.generatedInstructions, VERB_NOUN_SAMPLE);
        List<Optional<VerbNounExtractor.VerbNoun>> pairs = tagged.parallelStream()
                .map(text -> extractors.get().extract(text)).toList();
        Map<String, Map<String, Long>> all = new TreeMap<>();
        long withPair = 0;
        for (Optional<VerbNounExtractor.VerbNoun> pair : pairs) {
            if (pair.isPresent() && pair.get().noun() != null) {
                withPair++;
                all.computeIfAbsent(pair.get().verb(), v -> new TreeMap<>()).merge(pair.get().noun(), 1L, Long::sum);
            }
        }
        Map<String, Map<String, Long>> top = new LinkedHashMap<>();
        all.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Map<String, Long>> e) -> -Tables.sum(e.getValue()))
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP_VERBS)
                .forEach(e -> top.put(e.getKey(), e.getValue().entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                        .limit(TOP_NOUNS)
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
                                LinkedHashMap::new))));
        long distinct = d.generatedInstructions.size();
        long sampled = tagged.size();
        long shown = top.values().stream().mapToLong(Tables::sum).sum();
        List<List<String>> rows = new ArrayList<>();
        top.forEach((verb, nouns) -> nouns.forEach((noun, n) -> rows.add(List.of(verb, noun, Long.toString(n)))));
        String reading = distinct == 0 ? "The run has no generated instructions yet."
                : String.format(Locale.ROOT, "A verb and its object noun were found in %s of %d distinct "
                        + "instructions%s; %d distinct root verbs; the pairs drawn cover %s of them.",
                Tables.percent(withPair, sampled), sampled, sampled < distinct ? " (an evenly spaced sample of "
                        + distinct + ")" : "", all.size(), Tables.percent(shown, sampled));
        return new Chart("verb-noun", "Task diversity: root verbs and their direct objects", reading,
                EchartsOption.sunburst("Top " + TOP_VERBS + " root verbs (inner) and their top " + TOP_NOUNS
                        + " object nouns (outer)", top),
                new Chart.Table(List.of("root verb", "object noun", "instructions"), rows), sampled);
    }

    static List<String> evenlySpaced(List<String> all, int max) {
        if (all.size() <= max) {
            return all;
        }
        List<String> sample = new ArrayList<>(max);
        for (int i = 0; i < max; i++) {
            sample.add(all.get((int) ((long) i * all.size() / max)));
        }
        return sample;
    }

    static Chart toSeeds(RunDigest d) {
        RougeLIndex seeds = new RougeLIndex(Tokenizer.of(TokenizerKind.ROUGE_SCORE), 1.0);
        for (int i = 0; i < d.seedInstructions.size(); i++) {
            seeds.add("seed-" + i, d.seedInstructions.get(i));
        }
        d.noveltyToSeed = d.seedInstructions.isEmpty() ? new double[0]
                : d.generatedInstructions.parallelStream().mapToDouble(t -> seeds.nearest(t).score()).toArray();
        Histogram.Bins bins = Histogram.ofUnitScores(d.noveltyToSeed, 0.05);
        String reading = d.seedInstructions.isEmpty()
                ? "examples.jsonl holds no seed examples, so there is nothing to compare with."
                : String.format(Locale.ROOT, "Median ROUGE-L to the closest of %d seeds is %.2f over %d distinct "
                        + "generated instructions; lower means newer.", d.seedInstructions.size(),
                Tables.median(d.noveltyToSeed), d.noveltyToSeed.length);
        return histogram("novelty-seed", "Novelty: ROUGE-L to the most similar seed instruction", reading,
                "ROUGE-L F1 (bin start)", "instructions", bins);
    }

    static Chart toPool(RunDigest d) {
        double[] scores = d.noveltyToPool.stream().mapToDouble(Double::doubleValue).toArray();
        Histogram.Bins bins = Histogram.ofUnitScores(scores, 0.05);
        String reading = scores.length == 0 ? "No example recorded a novelty score."
                : String.format(Locale.ROOT, "Median ROUGE-L to the most similar earlier example or seed, as "
                        + "recorded at acceptance, is %.2f over %d examples.", Tables.median(scores), scores.length);
        return histogram("novelty-pool", "Novelty: ROUGE-L to the most similar earlier example", reading,
                "ROUGE-L F1 (bin start)", "examples", bins);
    }

    static Chart histogram(String id, String title, String reading, String xName, String yName,
                           Histogram.Bins bins) {
        Map<String, List<? extends Number>> series = Map.of(yName, bins.counts());
        return new Chart(id, title, reading, EchartsOption.bars(title, xName, yName, bins.labels(), series, false),
                Tables.bins(xName, bins.labels(), Map.of(yName, bins.counts())), bins.total());
    }
}
