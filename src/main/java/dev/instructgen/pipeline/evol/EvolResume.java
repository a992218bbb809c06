package dev.instructgen.pipeline.evol;

import dev.instructgen.dataset.Example;
import dev.instructgen.text.NoveltyIndex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the chain state of an interrupted run. The checkpoint gives each lineage's current instruction and
 * rounds attempted as of its last write; examples.jsonl is the authority for what was accepted, so evolutions
 * accepted after the checkpoint are replayed from it (advancing their lineage and the counters). Eliminations
 * after the last checkpoint are not replayed: those rounds are attempted again, with the same drawn operation,
 * and rejected.jsonl may then list such an attempt twice.
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
        Map<String, Lineage> lineages = new LinkedHashMap<>();
        for (EvolInput in : inputs) {
            Lineage root = in.lineage();
            ChainCheckpoint.Chain saved = checkpoint == null ? null : checkpoint.chains().get(in.id());
            lineages.put(in.id(), saved == null ? root : saved.applyTo(root));
        }
        if (checkpoint != null && checkpoint.stats() != null) {
            stats.restore(checkpoint.stats());
        }
        Set<String> written = new HashSet<>();
        Map<String, Example> byId = new HashMap<>();
        for (Example e : restored) {
            written.add(e.id());
            byId.put(e.id(), e);
        }
        List<Example> evolved = new ArrayList<>(restored.stream()
                .filter(e -> Example.EVOL_INSTRUCT.equals(e.method()) && e.provenance().evolution() != null)
                .toList());
        evolved.sort(Comparator.comparingInt(e -> e.provenance().evolution().round()));
        for (Example e : evolved) {
            String root = rootOf(e, byId, lineages.keySet());
            Lineage l = root == null ? null : lineages.get(root);
            int round = e.provenance().evolution().round();
            if (l != null && round > l.roundsDone()) {
                lineages.put(root, l.advance(round, e.instruction()));
                EvolOperation op = EvolOperation.fromKey(e.provenance().evolution().operation());
                stats.attempted(op, round);
                stats.accepted(op, round);
            }
        }
        if (novelty != null) {
            inputs.forEach(in -> novelty.add(in.id(), in.prompt()));
            evolved.forEach(e -> novelty.add(e.id(), e.instruction()));
        }
        List<EvolInput> originals = keepOriginals
                ? inputs.stream().filter(in -> !written.contains(in.id())).toList() : List.of();
        return new State(List.copyOf(lineages.values()), originals, restored.size());
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
            if (roots.contains(parent) && !byId.containsKey(parent)
                    || roots.contains(parent) && !Example.EVOL_INSTRUCT.equals(byId.get(parent).method())) {
                return parent;
            }
            at = byId.get(parent);
        }
        return null;
    }
}
