package dev.instructgen.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Removes near-duplicates from a list of instructions, keeping the first of each group in input order: each
 * instruction is checked against the instructions kept so far and dropped when its ROUGE-L F1 with one of them
 * exceeds the threshold. This is the Self-Instruct pool rule (Wang et al. 2023, §2.3) applied to an existing
 * dataset: a dropped instruction does not join the pool, so A, B (close to A, dropped) and C (close to B only)
 * keep A and C.
 *
 * <p>Runs on one thread; the decision alone is checked for each instruction, and the exact nearest kept
 * instruction is looked up only for the dropped ones, for the report.
 */
public final class NearDuplicateFilter {

    /** One instruction to filter; {@code id} is carried into the report. */
    public record Entry(String id, String instruction) {
        public Entry {
            Objects.requireNonNull(instruction, "instruction");
        }
    }

    /**
     * A dropped instruction and why.
     *
     * @param index        position of the dropped entry in the input
     * @param againstIndex position of the kept entry it is most similar to
     * @param score        ROUGE-L F1 against that entry (above the threshold)
     */
    public record Drop(int index, String id, String instruction, int againstIndex, String againstId, double score) {
    }

    /** Positions kept, in input order, and the drops, in input order. */
    public record Outcome(List<Integer> kept, List<Drop> dropped) {
        public Outcome {
            kept = List.copyOf(kept);
            dropped = List.copyOf(dropped);
        }
    }

    private final Supplier<NoveltyIndex> indexes;

    /** @param indexes makes a fresh, empty index per {@link #apply} call */
    public NearDuplicateFilter(Supplier<NoveltyIndex> indexes) {
        this.indexes = indexes;
    }

    public static NearDuplicateFilter of(TokenizerKind tokenizer, double threshold) {
        return new NearDuplicateFilter(() -> NoveltyIndex.create(tokenizer, threshold));
    }

    public Outcome apply(List<Entry> entries) {
        NoveltyIndex index = indexes.get();
        List<Integer> kept = new ArrayList<>();
        List<Drop> dropped = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            if (index.isNovel(entry.instruction())) {
                // members are named by input position so that equal or missing ids cannot collide
                index.add(Integer.toString(i), entry.instruction());
                kept.add(i);
            } else {
                Similarity nearest = index.nearest(entry.instruction());
                int against = Integer.parseInt(nearest.mostSimilarId());
                dropped.add(new Drop(i, entry.id(), entry.instruction(), against, entries.get(against).id(),
                        nearest.score()));
            }
        }
        return new Outcome(kept, dropped);
    }
}
