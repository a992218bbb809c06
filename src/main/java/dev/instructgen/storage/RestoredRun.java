package dev.instructgen.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.Example;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** What a resume reads back from a run directory: the journals (repaired on the way), the last stats and notes. */
record RestoredRun(List<Example> examples, Map<String, Long> rejectionCounts, JsonNode stats, List<String> notes) {

    static RestoredRun empty() {
        return new RestoredRun(List.of(), Map.of(), null, List.of());
    }

    /** Reads and repairs the journals of {@code dir}; each repair note is also handed to {@code warn}. */
    static RestoredRun read(Path dir, Consumer<String> warn) {
        List<String> notes = new ArrayList<>();
        List<Example> examples = JournalRestore.examples(dir.resolve(RunDirectory.EXAMPLES), notes::add);
        Map<String, Long> counts = JournalRestore.rejectionCounts(dir.resolve(RunDirectory.REJECTED), notes::add);
        JsonNode stats = RunReader.readStats(dir).orElse(null);
        notes.forEach(warn);
        return new RestoredRun(examples, counts, stats, List.copyOf(notes));
    }
}
