package dev.instructgen.method.evol;

import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.licensing.SeedSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One evolution chain: an input instruction (the root) and its accepted descendants. The chain's current
 * instruction is the one the next round evolves. When an evolution is eliminated the current instruction stays,
 * so the next round evolves it again: the paper's "return to the pool" (WizardLM, section 3.3).
 *
 * @param rootId      the input record's id
 * @param source      the seed set the root came from, with its license; flows into every descendant
 * @param inherited   the root's own license block when the root is a generated example (an earlier run's
 *                    output), inherited whole by every descendant; null for human-written inputs
 * @param currentId   id of the instruction the next round evolves (the root id until an evolution is accepted)
 * @param currentText its text
 * @param ancestors   ids from the root to the current instruction, inclusive (a child is naturally similar to
 *                    these, so the novelty check ignores them)
 * @param roundsDone  rounds attempted so far, accepted or not
 */
public record Lineage(String rootId, SeedSource source, LicenseInfo inherited, String currentId,
                      String currentText, List<String> ancestors, int roundsDone) {

    public Lineage {
        Objects.requireNonNull(rootId, "rootId");
        Objects.requireNonNull(currentId, "currentId");
        Objects.requireNonNull(currentText, "currentText");
        ancestors = List.copyOf(ancestors);
    }

    public static Lineage root(String id, String text, SeedSource source, LicenseInfo inherited) {
        return new Lineage(id, source, inherited, id, text, List.of(id), 0);
    }

    /** The id an evolution accepted in {@code round} gets: stable, unique per lineage and round. */
    public String childId(int round) {
        return rootId + ".r" + round;
    }

    /** After an accepted evolution in {@code round}: the child becomes the current instruction. */
    public Lineage advance(int round, String childText) {
        List<String> chain = new ArrayList<>(ancestors);
        String child = childId(round);
        chain.add(child);
        return new Lineage(rootId, source, inherited, child, childText, chain, round);
    }

    /** After an eliminated evolution in {@code round}: the current instruction goes back into the pool. */
    public Lineage returnToPool(int round) {
        return new Lineage(rootId, source, inherited, currentId, currentText, ancestors, round);
    }
}
