package dev.instructgen.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a seed or dataset file and reports every problem, not only the first: invalid JSON, records of an
 * unknown or different format, missing, blank or mistyped fields, empty instance lists, duplicate ids, and exact
 * duplicate tasks (which the ROUGE-L novelty filter would treat as one task anyway).
 */
public final class DatasetValidator {

    /** What a validation found, for the summary line of {@code instructgen validate}. */
    public record Report(Path file, DatasetFormat format, int records, List<DatasetProblem> problems) {

        public Report {
            problems = List.copyOf(problems);
        }

        public boolean clean() {
            return problems.isEmpty();
        }
    }

    public List<DatasetProblem> validate(Path fileOrRunDir) {
        return check(fileOrRunDir).problems();
    }

    /** Like {@link #validate(Path)}, with the detected format and record count. */
    public Report check(Path fileOrRunDir) {
        Path file = DatasetScanner.datasetFile(fileOrRunDir);
        List<DatasetProblem> problems = new ArrayList<>();
        DuplicateTasks duplicates = new DuplicateTasks();
        DatasetScanner scanner = new DatasetScanner(file,
                (line, message) -> problems.add(new DatasetProblem(file, line, message)));
        DatasetScanner.Outcome outcome = scanner.scan((line, record) -> duplicates.check(line, record)
                .ifPresent(message -> problems.add(new DatasetProblem(file, line, message))));
        return new Report(file, outcome.format(), outcome.records(), problems);
    }

    /**
     * Exact duplicates: the same instruction for a seed task, the same instruction and input for one-instance
     * formats (Alpaca data legitimately repeats an instruction with different inputs).
     */
    private static final class DuplicateTasks {
        private final Map<String, Integer> firstLine = new HashMap<>();

        Optional<String> check(int line, DatasetRecord record) {
            SeedTask task = record.task();
            boolean seedTask = record.raw().has("instances");
            String input = seedTask ? "" : task.instances().get(0).input();
            String key = task.instruction().strip() + '\u0000' + input.strip();
            Integer first = firstLine.putIfAbsent(key, line);
            if (first == null) {
                return Optional.empty();
            }
            return Optional.of((input.isEmpty() ? "duplicate instruction" : "duplicate instruction and input")
                    + ", same as line " + first);
        }
    }
}
