package dev.instructgen.dataset;

import dev.instructgen.error.BadInputException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a seed or dataset file in any format of {@link DatasetFormat}, detected from the content, or a run
 * directory (its examples.jsonl). Reading stops at the first problem with a {@link BadInputException} whose
 * message names file, line and what was expected; {@link DatasetValidator} lists every problem instead.
 */
public final class DatasetReader {

    private DatasetReader() {
    }

    public static Dataset read(Path fileOrRunDir) {
        Path file = DatasetScanner.datasetFile(fileOrRunDir);
        List<DatasetRecord> records = new ArrayList<>();
        ProblemSink failFast = (line, message) -> {
            throw new BadInputException(new DatasetProblem(file, line, message).toString());
        };
        DatasetScanner.Outcome outcome = new DatasetScanner(file, failFast).scan((line, record) -> records.add(record));
        return new Dataset(file, outcome.format(), records);
    }
}
