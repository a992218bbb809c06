package dev.instructgen.method.evol;

import dev.instructgen.licensing.SeedSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvolChainsTest {

    private static final SeedSource SEEDS = new SeedSource("seeds.jsonl", "CC0-1.0");

    private static Lineage root(String id) {
        return Lineage.root(id, "Instruction " + id, SEEDS, null);
    }

    @Test
    void aResumedPoolEvolvesEveryLineageOfTheEarlierRoundBeforeAnyOfTheNext() {
        List<Lineage> restored = List.of(root("a").advance(1, "Evolved a"), root("b"),
                root("c").returnToPool(1), root("d"));
        EvolChains chains = new EvolChains(restored, 3, null, null, new EvolutionStats(), Clock.systemUTC(),
                Duration.ofHours(1));

        List<String> order = new ArrayList<>();
        for (Lineage l = chains.take(); l != null; l = chains.take()) {
            order.add(l.rootId() + "@" + l.roundsDone());
        }

        assertThat(order).containsExactly("b@0", "d@0", "a@1", "c@1");
    }

    @Test
    void lineagesThatHaveDoneEveryRoundAreNotEvolvedAgain() {
        EvolChains chains = new EvolChains(List.of(root("a").advance(1, "x").advance(2, "y"), root("b")), 2, null,
                null, new EvolutionStats(), Clock.systemUTC(), Duration.ofHours(1));

        assertThat(chains.take().rootId()).isEqualTo("b");
        assertThat(chains.take()).isNull();
    }
}
