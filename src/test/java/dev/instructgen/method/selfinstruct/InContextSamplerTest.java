package dev.instructgen.method.selfinstruct;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class InContextSamplerTest {

    private static TaskPool pool(int seeds, int generated) {
        List<PoolEntry> seedEntries = new ArrayList<>();
        for (int i = 0; i < seeds; i++) {
            seedEntries.add(new PoolEntry("seed_" + i, "seed instruction " + i, true, Set.of()));
        }
        TaskPool pool = new TaskPool(seedEntries);
        for (int i = 0; i < generated; i++) {
            pool.addGenerated(new PoolEntry("si-" + i, "generated instruction " + i, false, Set.of()));
        }
        return pool;
    }

    private final InContextSampler sampler = InContextSampler.selfInstructDefault();

    @Test
    void showsEightSeedsWhileNothingWasGeneratedYet() {
        List<PoolEntry> shown = sampler.sample(pool(175, 0), new SplittableRandom(1));

        assertThat(shown).hasSize(8).allMatch(PoolEntry::seed).doesNotHaveDuplicates();
    }

    @Test
    void showsSixSeedsAndTwoGeneratedOnceThePoolHasThem() {
        List<PoolEntry> shown = sampler.sample(pool(175, 50), new SplittableRandom(2));

        assertThat(shown).hasSize(8).doesNotHaveDuplicates();
        assertThat(shown.stream().filter(PoolEntry::seed)).hasSize(6);
        assertThat(shown.stream().filter(e -> !e.seed())).hasSize(2);
    }

    @Test
    void fillsWithSeedsWhenOnlyOneGeneratedTaskExists() {
        List<PoolEntry> shown = sampler.sample(pool(175, 1), new SplittableRandom(3));

        assertThat(shown.stream().filter(PoolEntry::seed)).hasSize(7);
        assertThat(shown.stream().filter(e -> !e.seed())).hasSize(1);
    }

    @Test
    void fillsWithGeneratedTasksWhenThereAreFewSeeds() {
        List<PoolEntry> shown = sampler.sample(pool(3, 20), new SplittableRandom(4));

        assertThat(shown).hasSize(8).doesNotHaveDuplicates();
        assertThat(shown.stream().filter(PoolEntry::seed)).hasSize(3);
    }

    @Test
    void isReproducibleForASeedAndShufflesSeedsAndGeneratedTogether() {
        TaskPool pool = pool(175, 50);

        List<PoolEntry> a = sampler.sample(pool, new SplittableRandom(42));
        List<PoolEntry> b = sampler.sample(pool, new SplittableRandom(42));

        assertThat(a).isEqualTo(b);
        boolean generatedNotAlwaysLast = false;
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50 && !generatedNotAlwaysLast; i++) {
            List<PoolEntry> shown = sampler.sample(pool, random);
            generatedNotAlwaysLast = !shown.get(0).seed() || !shown.get(1).seed();
        }
        assertThat(generatedNotAlwaysLast).isTrue();
    }

    @Test
    void drawsEverySeedOverManyPrompts() {
        TaskPool pool = pool(20, 0);
        SplittableRandom random = new SplittableRandom(9);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < 200; i++) {
            sampler.sample(pool, random).forEach(e -> seen.add(e.id()));
        }
        assertThat(seen).hasSize(20);
    }
}
