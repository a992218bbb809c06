package dev.instructgen.pipeline.selfinstruct;

import dev.instructgen.filter.Verdict;

import java.util.List;

/**
 * The instance filters of Self-Instruct applied to one task's instances: empty output, input equal to output,
 * fields ending with ":", same input with different outputs, exact duplicates, too many per task.
 */
@FunctionalInterface
public interface InstanceScreen {

    Screened screen(List<ParsedInstance> instances);

    /** The instances kept, in order, and each one rejected with its verdict. */
    record Screened(List<ParsedInstance> kept, List<Rejected> rejected) {

        public Screened {
            kept = List.copyOf(kept);
            rejected = List.copyOf(rejected);
        }
    }

    record Rejected(ParsedInstance instance, Verdict verdict) {
    }
}
