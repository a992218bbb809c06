package dev.instructgen.method.evol;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class OperationDrawTest {

    @Test
    void drawsTheSameOperationForTheSameInstructionAndRoundWhateverTheOrderOfCalls() {
        OperationDraw a = new OperationDraw(7, OperationWeights.uniform());
        OperationDraw b = new OperationDraw(7, OperationWeights.uniform());
        Map<String, EvolOperation> forward = new java.util.HashMap<>();
        for (int i = 0; i < 200; i++) {
            forward.put("task-" + i + "@" + (i % 4 + 1), a.draw("task-" + i, i % 4 + 1));
        }
        for (int i = 199; i >= 0; i--) {
            assertThat(b.draw("task-" + i, i % 4 + 1)).isEqualTo(forward.get("task-" + i + "@" + (i % 4 + 1)));
        }
    }

    @Test
    void anotherSeedGivesAnotherSequence() {
        OperationDraw a = new OperationDraw(1, OperationWeights.uniform());
        OperationDraw b = new OperationDraw(2, OperationWeights.uniform());
        long differing = IntStream.range(0, 100).filter(i -> a.draw("t" + i, 1) != b.draw("t" + i, 1)).count();
        assertThat(differing).isGreaterThan(50);
    }

    @Test
    void theSameInstructionGetsFreshDrawsInLaterRounds() {
        OperationDraw d = new OperationDraw(3, OperationWeights.uniform());
        long distinct = IntStream.rangeClosed(1, 40).mapToObj(r -> d.draw("seed_task_0", r)).distinct().count();
        assertThat(distinct).isGreaterThanOrEqualTo(4);
    }

    @Test
    void uniformWeightsDrawEveryOperationAboutEquallyOften() {
        Map<EvolOperation, Integer> counts = tally(new OperationDraw(11, OperationWeights.uniform()), 60_000);
        assertThat(counts).hasSize(6);
        counts.values().forEach(c -> assertThat(c).isBetween(9_300, 10_700));
    }

    @Test
    void weightsTiltTheDrawAndZeroTurnsAnOperationOff() {
        OperationWeights w = OperationWeights.parse("add-constraints=3,deepen=1,concretize=0,increase-reasoning=0,"
                + "complicate-input=0,breadth=0");
        Map<EvolOperation, Integer> counts = tally(new OperationDraw(5, w), 40_000);
        assertThat(counts).containsOnlyKeys(EvolOperation.ADD_CONSTRAINTS, EvolOperation.DEEPEN);
        double ratio = counts.get(EvolOperation.ADD_CONSTRAINTS) / (double) counts.get(EvolOperation.DEEPEN);
        assertThat(ratio).isBetween(2.8, 3.2);
    }

    private static Map<EvolOperation, Integer> tally(OperationDraw d, int n) {
        Map<EvolOperation, Integer> counts = new EnumMap<>(EvolOperation.class);
        for (int i = 0; i < n; i++) {
            counts.merge(d.draw("instr-" + i, 1 + i % 4), 1, Integer::sum);
        }
        return counts;
    }
}
