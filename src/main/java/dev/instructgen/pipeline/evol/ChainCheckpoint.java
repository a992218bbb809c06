package dev.instructgen.pipeline.evol;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/**
 * The saved state of every evolution chain, so a rerun continues where the last one stopped: per lineage, the
 * instruction the next round evolves and how many rounds were attempted, plus the evolution counters. Written
 * every few seconds and at the end; accepted examples written after the last checkpoint are replayed from
 * examples.jsonl on resume (see {@link EvolResume}).
 *
 * @param chains root id to chain state
 */
public record ChainCheckpoint(int version, Map<String, Chain> chains, EvolutionStats.Snapshot stats) {

    public static final int VERSION = 1;

    public ChainCheckpoint {
        chains = chains == null ? Map.of() : Map.copyOf(chains);
    }

    /** One lineage's progress. */
    public record Chain(@JsonProperty("current_id") String currentId,
                        @JsonProperty("current_text") String currentText,
                        List<String> ancestors,
                        @JsonProperty("rounds_done") int roundsDone) {

        public static Chain of(Lineage l) {
            return new Chain(l.currentId(), l.currentText(), l.ancestors(), l.roundsDone());
        }

        public Lineage applyTo(Lineage root) {
            return new Lineage(root.rootId(), root.source(), root.inherited(), currentId, currentText, ancestors,
                    roundsDone);
        }
    }
}
