package dev.instructgen.text.overlap;

import dev.instructgen.bench.BenchData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Decontamination benchmark (docs/benchmarks.md, "Benchmark decontamination"): one check against 100,000
 * benchmark items built from the real texts of the bench data, and the share of injected items found.
 * {@code mvn -B -o test -Dtest=DecontaminationBenchmark -Dinstructgen.benchmark=true}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "instructgen.benchmark", matches = "true")
class DecontaminationBenchmark {

    private static final int ITEMS = 100_000;

    @Test
    void decontamination() throws IOException {
        var located = BenchData.locate();
        assumeTrue(located.isPresent(), "bench data not present");
        List<String> pool = located.get().pool();
        // clean candidates: 2,000 pool instructions; the bench data's sources overlap, so every text that
        // overlaps one of them is kept out of the items, and the clean ones are clean by construction
        List<String> clean = pool.subList(1_000, 3_000);
        BenchmarkIndex cleanIndex = new BenchmarkIndex(BenchmarkIndex.DEFAULT_NGRAM,
                BenchmarkIndex.DEFAULT_ROUGE_THRESHOLD);
        for (int i = 0; i < clean.size(); i++) {
            cleanIndex.add(new BenchmarkItem("clean", i, clean.get(i)));
        }
        List<String> texts = new ArrayList<>();
        List<String> sources = new ArrayList<>(located.get().tripleTexts());
        sources.addAll(pool.subList(3_000, pool.size()));
        for (String text : sources) {
            if (cleanIndex.check(text).isEmpty()) {
                texts.add(text);
            }
        }
        // past the real texts, items join two real texts, as multi-part benchmark questions do
        SplittableRandom random = new SplittableRandom(3);
        List<String> items = new ArrayList<>(texts);
        while (items.size() < ITEMS) {
            items.add(texts.get(random.nextInt(texts.size())) + " " + texts.get(random.nextInt(texts.size())));
        }
        BenchmarkIndex index = new BenchmarkIndex(BenchmarkIndex.DEFAULT_NGRAM,
                BenchmarkIndex.DEFAULT_ROUGE_THRESHOLD);
        long b0 = System.nanoTime();
        for (int i = 0; i < items.size(); i++) {
            index.add(new BenchmarkItem("bench.jsonl", i + 1, items.get(i)));
        }
        index.check("warm up");
        double build = (System.nanoTime() - b0) / 1e9;

        long c0 = System.nanoTime();
        int falseHits = 0;
        for (String text : clean) {
            var hit = index.check(text);
            if (hit.isPresent()) {
                falseHits++;
                System.out.println("flagged: " + text + " -- " + hit.get().detail());
            }
        }
        double cleanMs = (System.nanoTime() - c0) / 1e6 / clean.size();

        List<String> verbatim = new ArrayList<>();
        List<String> edited = new ArrayList<>();
        while (verbatim.size() < 500) {
            String item = items.get(random.nextInt(texts.size()));
            if (new dev.instructgen.text.RougeScoreTokenizer().tokenize(item).size() < BenchmarkIndex.MIN_RUN) {
                continue; // shorter items are matched by ROUGE-L alone, see BenchmarkIndex
            }
            verbatim.add("Please answer: " + item);
            edited.add(lightlyEdit(item, random));
        }
        long d0 = System.nanoTime();
        int foundVerbatim = 0;
        int foundEdited = 0;
        for (String text : verbatim) {
            foundVerbatim += index.check(text).isPresent() ? 1 : 0;
        }
        for (String text : edited) {
            boolean found = index.check(text).isPresent();
            foundEdited += found ? 1 : 0;
            if (!found) {
                System.out.println("missed edit: " + text.replace("\n", " "));
            }
        }
        double dirtyMs = (System.nanoTime() - d0) / 1e6 / 1_000;

        String report = String.format(Locale.ROOT, "Java %s, %d processors, load %.1f at start%n%n"
                        + "| items | build, s | ms/check, clean | ms/check, contaminated | verbatim found "
                        + "| lightly edited found | clean flagged |%n|---:|---:|---:|---:|---:|---:|---:|%n"
                        + "| %,d | %.1f | %.3f | %.3f | %d / 500 | %d / 500 | %d / %,d |%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), items.size(), build, cleanMs,
                dirtyMs, foundVerbatim, foundEdited, falseHits, clean.size());
        Path out = Path.of("target", "benchmarks", "decontamination.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
        assertEquals(500, foundVerbatim, "every verbatim item found");
    }

    /**
     * A light edit: one word in ten replaced (the sixth of every ten) and the final punctuation dropped, so no
     * run of 13 words survives in an item of 20 words or more; ROUGE-L stays near 0.9.
     */
    static String lightlyEdit(String text, SplittableRandom random) {
        String[] words = text.split(" ");
        StringBuilder out = new StringBuilder();
        int offset = random.nextInt(10);
        for (int i = 0; i < words.length; i++) {
            String w = (i + offset) % 10 == 5 ? "zx" + words[i].length() : words[i];
            out.append(i == 0 ? "" : " ").append(w);
        }
        return out.toString().replaceAll("[.?!]$", "");
    }
}
