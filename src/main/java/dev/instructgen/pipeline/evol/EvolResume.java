package dev.instructgen.pipeline.evol;

import dev.instructgen.dataset.Example;
import dev.instructgen.text.NoveltyIndex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the chain state of an interrupted run. examples.jsonl is the authority for what was accepted: each
 * lineage replays its accepted evolutions in round order, which gives its current instruction and ancestors. The
 * checkpoint adds what examples cannot show, the rounds whose evolution was eliminated, and the counters as of
 * its last write; accepted evolutions newer than the checkpoint are counted on top. Eliminations after the last
 * checkpoint are not known: those rounds are attempted again, with the same drawn operation, and rejected.jsonl
 * may then list such an attempt twice. Without a checkpoint a run resumes from examples.jsonl alone.
 */
public final class EvolResume {

    /**
     * @param lineages         every lineage in input order, at its restored state
     * @param originalsToWrite inputs still to write as {@code method: seed} (with --keep-originals)
     * @param accepted         lines already in examples.jsonl
     */
    public record State(List<Lineage> lineages, List<EvolInput> originalsToWrite, long accepted) {
    }

    private EvolResume() {
    }

    /**
     * @param checkpoint the saved chain state, or null on a fresh run
     * @param restored   examples already in the run's examples.jsonl (empty on a fresh run)
     * @param novelty    the novelty index to fill (inputs and accepted evolutions), or null when off
     */
    public static State restore(List<EvolInput> inputs, boolean keepOriginals, ChainCheckpoint checkpoint,
                                List<Example> restored, EvolutionStats stats, NoveltyIndex novelty) {
        Map<String, ChainCheckpoint.Chain> saved = checkpoint == null ? Map.of() : checkpoint.chains();
        if (checkpoint != null && checkpoint.stats() != null) {
            stats.restore(checkpoint.stats());
        }
        Set<String> written = new HashSet<>();
        Map<String, Example> byId = new HashMap<>();
        for (Example e : restored) {
            written.add(e.id());
            byId.put(e.id(), e);
        }
        Set<String> roots = new HashSet<>();
        inputs.forEach(in -> roots.add(in.id()));
        Map<String, List<Example>> evolvedByRoot = new HashMap<>();
        List<Example> evolved = new ArrayList<>();
        for (Example e : restored) {
            if (Example.EVOL_INSTRUCT.equals(e.method()) && e.provenance().evolution() != null) {
                String root = rootOf(e, byId, roots);
                if (root != null) {
                    evolvedByRoot.computeIfAbsent(root, r -> new ArrayList<>()).add(e);
                    evolved.add(e);
                }
            }
        }
        List<Lineage> lineages = new ArrayList<>();
        for (EvolInput in : inputs) {
            int savedRounds = saved.containsKey(in.id()) ? saved.get(in.id()).roundsDone() : 0;
            Lineage l = in.lineage();
            List<Example> chain = evolvedByRoot.getOrDefault(in.id(), new ArrayList<>());
            chain.sort(Comparator.comparingInt(e -> e.provenance().evolution().round()));
            for (Example e : chain) {
                int round = e.provenance().evolution().round();
                if (round <= l.roundsDone()) {
                    continue;
                }
                l = l.advance(round, e.instruction());
                if (round > savedRounds) { // accepted after the checkpoint: not in its counters yet
                    EvolOperation op = EvolOperation.fromKey(e.provenance().evolution().operation());
                    stats.attempted(op, round);
                    stats.accepted(op, round);
                }
            }
            lineages.add(savedRounds > l.roundsDone() ? l.returnToPool(savedRounds) : l);
        }
        if (novelty != null) {
            inputs.forEach(in -> novelty.add(in.id(), in.prompt()));
            evolved.forEach(e -> novelty.add(e.id(), e.instruction()));
        }
        List<EvolInput> originals = keepOriginals
                ? inputs.stream().filter(in -> !written.contains(in.id())).toList() : List.of();
        return new State(lineages, originals, restored.size());
    }

    /** Walks parent links up to an input id. */
    private static String rootOf(Example e, Map<String, Example> byId, Set<String> roots) {
        Example at = e;
        for (int hops = 0; at != null && hops < 10_000; hops++) {
            List<String> parents = at.provenance().parents();
            if (parents.isEmpty()) {
                return null;
            }
            String parent = parents.get(0);
            Example parentExample = byId.get(parent);
            if (roots.contains(parent)
                    && (parentExample == null || !Example.EVOL_INSTRUCT.equals(parentExample.method()))) {
                return parent;
            }
            at = parentExample;
        }
        return null;
    }
}
