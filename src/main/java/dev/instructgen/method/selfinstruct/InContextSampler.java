package dev.instructgen.method.selfinstruct;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Draws the in-context tasks of one instruction-generation prompt. Self-Instruct (Wang et al. 2023, §2.2) shows
 * 8 task instructions: 6 human-written seeds and 2 generated ones once the pool has any, in random order, so the
 * model sees human quality and also the run's own growing variety. With fewer generated tasks than wanted the
 * seeds fill the gap (and vice versa), so the prompt always shows as many tasks as the pool allows.
 */
public final class InContextSampler {

    private final int total;
    private final int fromSeeds;

    public InContextSampler(int total, int fromSeeds) {
        if (total < 1 || fromSeeds < 0 || fromSeeds > total) {
            throw new IllegalArgumentException("need 1 <= total and 0 <= fromSeeds <= total");
        }
        this.total = total;
        this.fromSeeds = fromSeeds;
    }

    /** Self-Instruct's 8 = 6 seeds + 2 generated. */
    public static InContextSampler selfInstructDefault() {
        return new InContextSampler(8, 6);
    }

    public List<PoolEntry> sample(TaskPool pool, RandomGenerator random) {
        int seedCount = pool.seeds().size();
        int generatedCount = pool.generatedCount();
        int wantGenerated = Math.min(total - Math.min(fromSeeds, seedCount), generatedCount);
        int wantSeeds = Math.min(seedCount, total - wantGenerated);
        List<PoolEntry> picked = new ArrayList<>(total);
        for (int i : distinctIndices(seedCount, wantSeeds, random)) {
            picked.add(pool.seeds().get(i));
        }
        for (int i : distinctIndices(generatedCount, wantGenerated, random)) {
            picked.add(pool.generated(i));
        }
        shuffle(picked, random);
        return picked;
    }

    /** {@code k} distinct indices of {@code [0, n)}; Floyd's algorithm, so large pools cost O(k). */
    private static List<Integer> distinctIndices(int n, int k, RandomGenerator random) {
        Set<Integer> chosen = new HashSet<>();
        List<Integer> order = new ArrayList<>(k);
        for (int j = n - k; j < n; j++) {
            int t = random.nextInt(j + 1);
            int pick = chosen.contains(t) ? j : t;
            chosen.add(pick);
            order.add(pick);
        }
        return order;
    }

    private static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
