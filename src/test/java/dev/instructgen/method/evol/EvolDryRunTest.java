package dev.instructgen.method.evol;

import dev.instructgen.licensing.SeedSource;
import dev.instructgen.teacher.Sampling;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvolDryRunTest {

    private final List<EvolInput> inputs = List.of(
            new EvolInput("a", "Name a colour.", "", "Red.", false, new SeedSource("s", null), null),
            new EvolInput("b", "Add two and three.", "", "5", false, new SeedSource("s", null), null));

    private static EvolSettings settings(boolean judge) {
        Sampling s = new Sampling(1.0, 0.95, 512, null, List.of());
        return new EvolSettings(3, OperationWeights.uniform(), 1, s, s, judge, null, null, false);
    }

    @Test
    void countsThreeRequestsPerEvolutionWithTheJudgeAndTwoWithout() {
        EvolDryRun withJudge = EvolDryRun.of(inputs, settings(true), new TaggedPrompts(), usage -> 0.0);
        EvolDryRun without = EvolDryRun.of(inputs, settings(false), new TaggedPrompts(), usage -> 0.0);
        assertThat(withJudge.evolutions()).isEqualTo(6);
        assertThat(withJudge.requests()).isEqualTo(18);
        assertThat(without.requests()).isEqualTo(12);
        assertThat(without.tokens().total()).isLessThan(withJudge.tokens().total());
    }

    @Test
    void pricesTheEstimatedTokensWithTheCostModel() {
        EvolDryRun d = EvolDryRun.of(inputs, settings(true), new TaggedPrompts(),
                usage -> usage.total() * 0.001);
        assertThat(d.tokens().completionTokens()).isGreaterThanOrEqualTo(6L * 300);
        assertThat(d.costUsd()).isEqualTo(d.tokens().total() * 0.001);
        assertThat(d.format("m", true)).contains("$").contains("6 (2 inputs x 3 rounds)");
        assertThat(d.format("m", false)).contains("unknown (no price for this model)");
    }
}
