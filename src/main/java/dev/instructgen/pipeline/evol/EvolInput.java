package dev.instructgen.pipeline.evol;

import dev.instructgen.dataset.SeedTask;
import dev.instructgen.licensing.SeedSource;

/**
 * One input record ready to evolve. The paper evolves the whole prompt a user would send, so an input that comes
 * with data (Alpaca's {@code input}, Dolly's {@code context}) is evolved together with it: the root prompt is the
 * instruction, a blank line, then the input. A task with several instances (Self-Instruct seeds) is evolved once,
 * from its first instance.
 *
 * @param source the seed set the record belongs to, with the license that flows into its descendants
 */
public record EvolInput(String id, String instruction, String input, String output, boolean isClassification,
                        SeedSource source) {

    /** @param source the task's seed source as the license resolver decided it (set or per-record license) */
    public static EvolInput of(SeedTask task, SeedSource source) {
        SeedTask.Instance first = task.instances().isEmpty() ? new SeedTask.Instance("", "") : task.instances().get(0);
        return new EvolInput(task.id(), task.instruction().strip(), first.input().strip(), first.output(),
                task.isClassification(), source);
    }

    /** The text round 1 evolves. */
    public String prompt() {
        return input.isBlank() ? instruction : instruction + "\n\n" + input;
    }

    public Lineage lineage() {
        return Lineage.root(id, prompt(), source);
    }
}
