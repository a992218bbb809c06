package dev.instructgen.text.semantic;

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

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Semantic near-duplicate benchmark (docs/benchmarks.md, "Semantic near-duplicates"). Runs only when asked:
 * {@code mvn -B -o test -Dtest=SemanticBenchmark -Dinstructgen.benchmark=true}; writes its table to
 * {@code target/benchmarks/semantic.md}.
 *
 * <p>Embeds real instructions from the bench data with the production model, then measures one semantic check
 * (nearest member of the pool) by brute force and through the graph, side by side on the same vectors. Pools
 * past the real texts are made of near copies of real embeddings (a small Gaussian nudge, renormalised), so the
 * neighbourhoods stay realistic. Recall is the share of queries whose graph answer is the exact nearest member.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "instructgen.benchmark", matches = "true")
class SemanticBenchmark {

    /**
     * Real instructions embedded; the pools are filled past them with near copies. 10,000 by default; a loaded
     * machine may pass -Dinstructgen.semanticReal=2000 (embedding is the slow part, about 20 ms a text on one core).
     */
    private static final int REAL = Integer.getInteger("instructgen.semanticReal", 10_000);
    private static final int SINGLES = Math.min(500, REAL / 4);
    private static final int[] POOLS = {10_000, 100_000};
    private static final int QUERIES = 400;
    private static final double THRESHOLD = 0.85;

    @Test
    void semantic() throws IOException {
        var located = BenchData.locate();
        assumeTrue(located.isPresent(), "bench data not present");
        List<String> texts = located.get().pool().subList(0, REAL);
        List<String> held = located.get().candidates();
        BgeSmallEmbedder model = new BgeSmallEmbedder();
        model.embed("warm up");

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Java %s, %d processors, system load average %.1f at start%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), load()));
        long t0 = System.nanoTime();
        List<float[]> real = model.embedAll(texts);
        double batchRate = REAL / seconds(t0);
        long t1 = System.nanoTime();
        for (int i = 0; i < SINGLES; i++) {
            model.embed(texts.get(i));
        }
        double singleRate = SINGLES / seconds(t1);
        List<float[]> heldOut = model.embedAll(held);
        report.append(String.format(Locale.ROOT, "Embeddings per second (bge-small-en-v1.5 q, one thread): "
                + "%.0f in batches of 32 (%d real instructions), %.0f one at a time (%d); pools past %d members "
                + "are near copies of these%n%n", batchRate, REAL, singleRate, SINGLES, REAL));

        report.append("| pool | graph candidates re-scored | exact, ms/check | graph, ms/check | speed-up "
                + "| recall@1 (held-out) | recall@1 (near copies) | decisions agree | graph build, s |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        SplittableRandom random = new SplittableRandom(42);
        for (int size : POOLS) {
            List<float[]> pool = new ArrayList<>(real.subList(0, Math.min(size, real.size())));
            while (pool.size() < size) {
                pool.add(SemanticIndexTest.perturb(real.get(random.nextInt(real.size())), random, 0.02));
            }
            List<float[]> nearCopies = new ArrayList<>();
            for (int q = 0; q < QUERIES / 2; q++) {
                nearCopies.add(SemanticIndexTest.perturb(pool.get(random.nextInt(size)), random, 0.01));
            }
            report.append(measure(pool, heldOut, nearCopies));
        }
        report.append(String.format(Locale.ROOT, "%nsystem load average %.1f at the end%n", load()));
        Path out = Path.of("target", "benchmarks", "semantic.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private static String measure(List<float[]> pool, List<float[]> heldOut, List<float[]> nearCopies) {
        int dim = pool.get(0).length;
        ExactVectorIndex exact = new ExactVectorIndex(pool);
        long b0 = System.nanoTime();
        GraphVectorIndex graph = new GraphVectorIndex(pool, dim);
        for (int i = 0; i < pool.size(); i++) {
            exact.added(i);
            graph.added(i);
        }
        double build = seconds(b0);
        List<float[]> queries = new ArrayList<>(heldOut);
        queries.addAll(nearCopies);
        Neighbour[] truth = new Neighbour[queries.size()];
        long e0 = System.nanoTime();
        for (int q = 0; q < queries.size(); q++) {
            truth[q] = exact.nearest(queries.get(q));
        }
        double exactMs = seconds(e0) * 1000 / queries.size();
        StringBuilder rows = new StringBuilder();
        for (int candidates : new int[] {10, 50, 100}) {
            Neighbour[] approx = new Neighbour[queries.size()];
            long g0 = System.nanoTime();
            for (int q = 0; q < queries.size(); q++) {
                approx[q] = graph.nearest(queries.get(q), candidates);
            }
            double graphMs = seconds(g0) * 1000 / queries.size();
            int heldHits = 0;
            int copyHits = 0;
            int agree = 0;
            for (int q = 0; q < queries.size(); q++) {
                boolean same = truth[q].ordinal() == approx[q].ordinal();
                if (q < heldOut.size()) {
                    heldHits += same ? 1 : 0;
                } else {
                    copyHits += same ? 1 : 0;
                }
                agree += (truth[q].similarity() > THRESHOLD) == (approx[q].similarity() > THRESHOLD) ? 1 : 0;
            }
            rows.append(String.format(Locale.ROOT, "| %,d | %d | %.3f | %.3f | %.1fx | %.3f | %.3f | %.3f | %.1f |%n",
                    pool.size(), candidates, exactMs, graphMs, exactMs / graphMs,
                    (double) heldHits / heldOut.size(), (double) copyHits / nearCopies.size(),
                    (double) agree / queries.size(), build));
        }
        return rows.toString();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
