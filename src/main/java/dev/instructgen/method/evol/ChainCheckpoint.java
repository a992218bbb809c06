package dev.instructgen.method.evol;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * The saved state of every evolution chain, so a rerun continues where the last one stopped: per lineage, how
 * many rounds were attempted (accepted or not) and which instruction is current, plus the evolution counters.
 * It stays small (no texts: those are in the input and in examples.jsonl), so rewriting it every few seconds is
 * cheap even for tens of thousands of lineages. Accepted examples written after the last checkpoint are replayed
 * from examples.jsonl on resume (see {@link EvolResume}).
 *
 * @param chains root id to chain state
 */
public record ChainCheckpoint(int version, Map<String, Chain> chains, EvolutionStats.Snapshot stats) {

    public static final int VERSION = 1;

    public ChainCheckpoint {
        chains = chains == null ? Map.of() : Map.copyOf(chains);
    }

    /**
     * One lineage's progress.
     *
     * @param currentId  the instruction the next round evolves (for reading; examples.jsonl is the authority)
     * @param roundsDone rounds attempted so far
     */
    public record Chain(@JsonProperty("current_id") String currentId, @JsonProperty("rounds_done") int roundsDone) {

        public static Chain of(Lineage l) {
            return new Chain(l.currentId(), l.roundsDone());
        }
    }
}
