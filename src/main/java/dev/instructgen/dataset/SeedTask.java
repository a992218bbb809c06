package dev.instructgen.dataset;

import java.util.List;
import java.util.Objects;

/**
 * One task read from a seed or dataset file, whatever its format (Self-Instruct seed_tasks.jsonl, Alpaca,
 * Dolly, or a run's examples.jsonl), normalised.
 *
 * @param id               the record's own id, or one derived from the file ("seed_task_12", "line-40")
 * @param instances        at least one; Alpaca and Dolly records have exactly one
 * @param isClassification as given by the file; false when the format does not say
 * @param license          per-record SPDX license when the record carries one, else null
 * @param line             1-based line (JSONL) or record index (JSON array) in the source file, for messages
 */
public record SeedTask(String id, String instruction, List<Instance> instances, boolean isClassification,
                       String license, int line) {

    public SeedTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instruction, "instruction");
        instances = List.copyOf(instances);
    }

    /** One input/output pair of a task. */
    public record Instance(String input, String output) {
        public Instance {
            input = input == null ? "" : input;
            output = output == null ? "" : output;
        }
    }
}
