package dev.instructgen.bench;

import dev.instructgen.text.ExhaustiveNoveltyIndex;
import dev.instructgen.text.NearDuplicateFilter;
import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.RougeLIndex;
import dev.instructgen.text.Similarity;
import dev.instructgen.text.Tokenizer;
import dev.instructgen.text.TokenizerKind;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Novelty check benchmark (docs/benchmarks.md, "Novelty index"). Runs only when asked:
 * {@code mvn -B -o test -Dtest=NoveltyBenchmark -Dinstructgen.benchmark=true}; writes its table to
 * {@code target/benchmarks/novelty.md}.
 *
 * <p>For pools of the first 1,000 / 10,000 / 22,446 real instructions, and 50,000 made by repeating the 22,446,
 * it times per held-out candidate, on one thread and side by side: (a) the plain DP against every member (the
 * reference algorithm, {@link ExhaustiveNoveltyIndex}, comparing token strings), (a') the same DP on interned int
 * tokens ({@link InternedDp}, a stronger baseline), (b) the index's exact maximum ({@link NoveltyIndex#nearest})
 * and (c) its decision only ({@link NoveltyIndex#isNovel}); and asserts that all of them agree on every candidate
 * (same maximum score, same most similar member, same decision). Then the whole-set dedup time and the heap per
 * indexed token.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "instructgen.benchmark", matches = "true")
class NoveltyBenchmark {

    private static final double THRESHOLD = 0.7;
    private static final int[] POOL_SIZES = {1_000, 10_000, 22_446, 50_000};
    private static final int DEDUP_CHECKED = 5_000;

    @Test
    void novelty() throws IOException {
        var located = BenchData.locate();
        assumeTrue(located.isPresent(), "bench data not present");
        List<String> pool = located.get().pool();
        List<String> candidates = located.get().candidates();
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Java %s, %d processors, max heap %d MB, tokenizer unicode, "
                        + "threshold %.1f, %d candidates, system load average %.1f at start%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, THRESHOLD, candidates.size(), loadAverage()));
        report.append("Milliseconds per candidate, thread CPU time (wall-clock time in brackets):\n\n");
        report.append("| pool | (a) DP | (a') DP, int tokens | (b) index, exact max | (c) index, decision | a/b | a/c "
                + "| a'/b | a'/c | rejected | agree |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (int size : POOL_SIZES) {
            report.append(comparePoolOf(tiled(pool, size), candidates, TokenizerKind.UNICODE));
        }
        report.append("\nSame at 22,446 with the rouge-score tokenizer:\n\n");
        report.append(comparePoolOf(pool, candidates, TokenizerKind.ROUGE_SCORE)).append('\n');
        report.append(dedupWholeSet(pool, candidates));
        report.append(heapPerToken(pool));
        Path out = Path.of("target", "benchmarks", "novelty.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static String comparePoolOf(List<String> pool, List<String> candidates, TokenizerKind kind) {
        Tokenizer tokenizer = Tokenizer.of(kind);
        NoveltyIndex dp = new ExhaustiveNoveltyIndex(tokenizer, THRESHOLD);
        NoveltyIndex index = new RougeLIndex(tokenizer, THRESHOLD);
        InternedDp internedDp = new InternedDp(tokenizer);
        for (int i = 0; i < pool.size(); i++) {
            dp.add("p" + i, pool.get(i));
            index.add("p" + i, pool.get(i));
            internedDp.add(pool.get(i));
        }
        // warm-up: the JIT compiles both paths before anything is timed
        for (int round = 0; round < 10; round++) {
            for (String candidate : candidates) {
                index.nearest(candidate);
                index.isNovel(candidate);
            }
        }
        for (int i = 0; i < Math.min(20, candidates.size()); i++) {
            dp.nearest(candidates.get(i));
            internedDp.nearest(candidates.get(i));
        }
        List<Similarity> expected = new ArrayList<>();
        Clocks dpTime = Clocks.time(candidates.size(), () -> {
            for (String candidate : candidates) {
                expected.add(dp.nearest(candidate));
            }
        });
        List<Similarity> internedExpected = new ArrayList<>();
        Clocks internedTime = Clocks.time(candidates.size(), () -> {
            for (String candidate : candidates) {
                internedExpected.add(internedDp.nearest(candidate));
            }
        });
        int rounds = 20;
        List<Similarity> exact = new ArrayList<>();
        Clocks exactTime = Clocks.time(rounds * candidates.size(), () -> {
            for (int round = 0; round < rounds; round++) {
                exact.clear();
                for (String candidate : candidates) {
                    exact.add(index.nearest(candidate));
                }
            }
        });
        List<Boolean> decisions = new ArrayList<>();
        Clocks decisionTime = Clocks.time(rounds * candidates.size(), () -> {
            for (int round = 0; round < rounds; round++) {
                decisions.clear();
                for (String candidate : candidates) {
                    decisions.add(index.isNovel(candidate));
                }
            }
        });

        assertThat(exact).as("exact maxima and most similar members, pool %d", pool.size()).isEqualTo(expected);
        assertThat(internedExpected).as("interned DP, pool %d", pool.size()).isEqualTo(expected);
        List<Boolean> expectedDecisions = expected.stream().map(s -> !(s.score() > THRESHOLD)).toList();
        assertThat(decisions).as("decisions, pool %d", pool.size()).isEqualTo(expectedDecisions);
        long rejected = expectedDecisions.stream().filter(novel -> !novel).count();
        return String.format(Locale.ROOT, "| %,d%s | %s | %s | %s | %s | %.0fx | %.0fx | %.0fx | %.0fx | %d | yes |%n",
                pool.size(), pool.size() > 22_446 ? " (tiled)" : "", dpTime, internedTime, exactTime, decisionTime,
                dpTime.cpuMs() / exactTime.cpuMs(), dpTime.cpuMs() / decisionTime.cpuMs(),
                internedTime.cpuMs() / exactTime.cpuMs(), internedTime.cpuMs() / decisionTime.cpuMs(), rejected);
    }

    private static String dedupWholeSet(List<String> pool, List<String> candidates) {
        List<NearDuplicateFilter.Entry> entries = new ArrayList<>();
        for (String text : pool) {
            entries.add(new NearDuplicateFilter.Entry("p" + entries.size(), text));
        }
        for (String text : candidates) {
            entries.add(new NearDuplicateFilter.Entry("c" + entries.size(), text));
        }
        NearDuplicateFilter filter = NearDuplicateFilter.of(TokenizerKind.UNICODE, THRESHOLD);
        filter.apply(entries.subList(0, 2_000)); // warm-up
        List<NearDuplicateFilter.Outcome> outcome = new ArrayList<>();
        Clocks time = Clocks.time(1, () -> outcome.add(filter.apply(entries)));
        // the same dedup with the DP reference on a prefix of the set (the whole set would take many minutes)
        List<NearDuplicateFilter.Entry> prefix = entries.subList(0, DEDUP_CHECKED);
        NearDuplicateFilter reference = new NearDuplicateFilter(
                () -> new ExhaustiveNoveltyIndex(Tokenizer.of(TokenizerKind.UNICODE), THRESHOLD));
        List<NearDuplicateFilter.Outcome> expected = new ArrayList<>();
        Clocks referenceTime = Clocks.time(1, () -> expected.add(reference.apply(prefix)));
        List<NearDuplicateFilter.Outcome> actual = new ArrayList<>();
        Clocks indexTime = Clocks.time(1, () -> actual.add(filter.apply(prefix)));
        assertThat(actual.get(0)).as("dedup of the first %d texts", DEDUP_CHECKED).isEqualTo(expected.get(0));
        return String.format(Locale.ROOT, "Dedup of the whole set (%,d texts, unicode, threshold %.1f): %.2f s CPU "
                        + "(%.2f s wall), %,d kept, %,d dropped. On its first %,d texts: index %.2f s CPU, DP "
                        + "reference %.1f s CPU, identical kept and dropped records with the same reasons.%n%n",
                entries.size(), THRESHOLD, time.cpuMs() / 1000, time.wallMs() / 1000, outcome.get(0).kept().size(),
                outcome.get(0).dropped().size(), DEDUP_CHECKED, indexTime.cpuMs() / 1000,
                referenceTime.cpuMs() / 1000);
    }

    private static String heapPerToken(List<String> pool) {
        long before = usedHeapAfterGc();
        RougeLIndex index = new RougeLIndex(Tokenizer.of(TokenizerKind.UNICODE), THRESHOLD);
        for (int i = 0; i < pool.size(); i++) {
            index.add("p" + i, pool.get(i));
        }
        long after = usedHeapAfterGc();
        long tokens = index.tokenCount();
        return String.format(Locale.ROOT, "Heap of the index over %,d texts: %.1f MB for %,d tokens, %.1f bytes "
                        + "per indexed token (ids included; measured as used heap after GC, before and after).%n",
                index.size(), (after - before) / 1048576.0, tokens, (after - before) / (double) tokens);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The first {@code size} texts, repeating the list from its start when it is shorter. */
    private static List<String> tiled(List<String> texts, int size) {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(texts.get(i % texts.size()));
        }
        return out;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Thread CPU time and wall-clock time per operation, in milliseconds. */
    private record Clocks(double cpuMs, double wallMs) {

        static Clocks time(int operations, Runnable work) {
            var threads = ManagementFactory.getThreadMXBean();
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            work.run();
            return new Clocks((threads.getCurrentThreadCpuTime() - cpu) / 1e6 / operations,
                    (System.nanoTime() - wall) / 1e6 / operations);
        }

        @Override
        public String toString() {
            return cpuMs >= 1 ? String.format(Locale.ROOT, "%.1f (%.1f)", cpuMs, wallMs)
                    : String.format(Locale.ROOT, "%.4f (%.4f)", cpuMs, wallMs);
        }
    }
}
