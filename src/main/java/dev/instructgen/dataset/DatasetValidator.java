package dev.instructgen.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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
        List<DatasetProblem> problems = new ArrayList<>();
        Summary summary = check(fileOrRunDir, problems::add);
        return new Report(summary.file(), summary.format(), summary.records(), problems);
    }

    /** What a streaming check found; the problems themselves went to the consumer. */
    public record Summary(Path file, DatasetFormat format, int records, long problems) {

        public boolean clean() {
            return problems == 0;
        }
    }

    /**
     * Checks the file handing each problem to {@code problems} as it is found, in file order, so that a file of
     * any size is checked in bounded memory (the one-line-at-a-time reader and hashed duplicate indexes).
     */
    public Summary check(Path fileOrRunDir, Consumer<DatasetProblem> problems) {
        Path file = DatasetScanner.datasetFile(fileOrRunDir);
        long[] count = {0};
        Consumer<DatasetProblem> counting = p -> {
            count[0]++;
            problems.accept(p);
        };
        DuplicateTasks duplicates = new DuplicateTasks();
        DatasetScanner scanner = new DatasetScanner(file,
                (line, message) -> counting.accept(new DatasetProblem(file, line, message)));
        DatasetScanner.Outcome outcome = scanner.scan((line, record) -> duplicates.check(line, record)
                .ifPresent(message -> counting.accept(new DatasetProblem(file, line, message))));
        return new Summary(file, outcome.format(), outcome.records(), count[0]);
    }

    /**
     * Exact duplicates: the same instruction for a seed task, the same instruction and input for one-instance
     * formats (Alpaca data legitimately repeats an instruction with different inputs), the same turns for a
     * conversation.
     */
    private static final class DuplicateTasks {
        private final FirstLineIndex firstLine = new FirstLineIndex();

        Optional<String> check(int line, DatasetRecord record) {
            if (!record.messages().isEmpty()) {
                // a conversation is a duplicate only when every turn is the same: many chats open alike
                StringBuilder key = new StringBuilder("\u0001");
                record.messages().forEach(m -> key.append(m.role()).append('\u0000').append(m.content().strip())
                        .append('\u0000'));
                int first = firstLine.putIfAbsent(key.toString(), line);
                return first == 0 ? Optional.empty() : Optional.of("duplicate conversation, same as line " + first);
            }
            SeedTask task = record.task();
            boolean seedTask = record.raw().has("instances");
            String input = seedTask ? "" : task.instances().get(0).input();
            String key = task.instruction().strip() + '\u0000' + input.strip();
            int first = firstLine.putIfAbsent(key, line);
            if (first == 0) {
                return Optional.empty();
            }
            return Optional.of((input.isEmpty() ? "duplicate instruction" : "duplicate instruction and input")
                    + ", same as line " + first);
        }
    }
}
