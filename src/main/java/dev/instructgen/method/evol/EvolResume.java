package dev.instructgen.method.evol;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.filter.NoveltyFilter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the chain state and the evolution counters of an interrupted run from what is on disk. The journals are
 * the authority: each accepted evolution in examples.jsonl and each eliminated one in rejected.jsonl (ids
 * {@code <input id>.r<round>}, stage {@code evol-<operation>}) is one attempted round of its lineage. A lineage
 * replays its accepted evolutions in round order, which gives its current instruction and ancestors; its rounds
 * done are the highest round seen in either journal (or in the checkpoint). An attempt eliminated, then redone
 * after a crash, appears twice in rejected.jsonl but counts once; one redone and accepted counts as accepted. The
 * checkpoint adds only what the journals cannot show (labels stripped, unclear judgements).
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
     * @param checkpoint the saved chain state, or null
     * @param restored   examples already in the run's examples.jsonl (empty on a fresh run)
     * @param rejections candidates already in rejected.jsonl (empty on a fresh run)
     * @param novelty    the novelty check to fill (inputs and accepted evolutions); off remembers nothing
     */
    public static State restore(List<EvolInput> inputs, boolean keepOriginals, ChainCheckpoint checkpoint,
                                List<Example> restored, List<Rejection> rejections, EvolutionStats stats,
                                NoveltyFilter novelty) {
        Map<String, ChainCheckpoint.Chain> saved = checkpoint == null ? Map.of() : checkpoint.chains();
        if (checkpoint != null && checkpoint.stats() != null) {
            stats.restoreExtras(checkpoint.stats());
        }
        Map<String, Example> byId = new HashMap<>();
        restored.forEach(e -> byId.put(e.id(), e));
        Set<String> roots = new HashSet<>();
        inputs.forEach(in -> roots.add(in.id()));

        Map<String, List<Example>> evolvedByRoot = new HashMap<>();
        List<Example> evolved = new ArrayList<>();
        for (Example e : restored) {
            if (MethodId.EVOL_INSTRUCT == e.method() && e.provenance().evolution() != null) {
                String root = rootOf(e, byId, roots);
                if (root != null) {
                    evolvedByRoot.computeIfAbsent(root, r -> new ArrayList<>()).add(e);
                    evolved.add(e);
                    EvolOperation op = EvolOperation.fromKey(e.provenance().evolution().operation());
                    stats.attempted(op, e.provenance().evolution().round());
                    stats.accepted(op, e.provenance().evolution().round());
                }
            }
        }
        Map<String, Integer> eliminatedRounds = countEliminations(rejections, byId, roots, stats);

        List<Lineage> lineages = new ArrayList<>();
        for (EvolInput in : inputs) {
            Lineage l = in.lineage();
            List<Example> chain = evolvedByRoot.getOrDefault(in.id(), new ArrayList<>());
            chain.sort(Comparator.comparingInt(e -> e.provenance().evolution().round()));
            for (Example e : chain) {
                int round = e.provenance().evolution().round();
                if (round > l.roundsDone()) {
                    l = l.advance(round, e.instruction());
                }
            }
            int roundsDone = Math.max(eliminatedRounds.getOrDefault(in.id(), 0),
                    saved.containsKey(in.id()) ? saved.get(in.id()).roundsDone() : 0);
            lineages.add(roundsDone > l.roundsDone() ? l.returnToPool(roundsDone) : l);
        }
        inputs.forEach(in -> novelty.remember(in.id(), in.prompt()));
        evolved.forEach(e -> novelty.remember(e.id(), e.instruction()));
        List<EvolInput> originals = keepOriginals
                ? inputs.stream().filter(in -> !byId.containsKey(in.id())).toList() : List.of();
        return new State(lineages, originals, restored.size());
    }

    /**
     * Counts each eliminated round once (a crash can leave a redone attempt twice in rejected.jsonl, and a redone
     * attempt may have been accepted instead); returns the highest eliminated round per lineage.
     */
    private static Map<String, Integer> countEliminations(List<Rejection> rejections,
                                                          Map<String, Example> accepted, Set<String> roots,
                                                          EvolutionStats stats) {
        Map<String, Rejection> lastById = new LinkedHashMap<>();
        for (Rejection r : rejections) {
            if (r.id() != null && r.stage() != null && r.stage().startsWith("evol-") && !accepted.containsKey(r.id())) {
                lastById.put(r.id(), r);
            }
        }
        Map<String, Integer> highest = new HashMap<>();
        for (Rejection r : lastById.values()) {
            int dot = r.id().lastIndexOf(".r");
            if (dot < 0) {
                continue;
            }
            String root = r.id().substring(0, dot);
            int round;
            EvolOperation op;
            try {
                round = Integer.parseInt(r.id().substring(dot + 2));
                op = EvolOperation.fromKey(r.stage().substring("evol-".length()));
            } catch (RuntimeException notOurs) {
                continue; // not an evolution's rejection (another stage, or a hand-edited line)
            }
            if (!roots.contains(root)) {
                continue;
            }
            stats.attempted(op, round);
            stats.eliminated(op, round, r.reason().code());
            highest.merge(root, round, Math::max);
        }
        return highest;
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
                    && (parentExample == null || MethodId.EVOL_INSTRUCT != parentExample.method())) {
                return parent;
            }
            at = parentExample;
        }
        return null;
    }
}
