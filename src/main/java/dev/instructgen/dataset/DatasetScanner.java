package dev.instructgen.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.error.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a dataset file shared by {@link DatasetReader} and {@link DatasetValidator}: detects the format
 * from the first record, then checks every record against it (mixed formats, field types, duplicate ids) and
 * hands each good record to a listener. Problems go to a {@link ProblemSink}, so the reader can stop at the
 * first and the validator can list them all.
 */
final class DatasetScanner {

    /** Receives each well-formed record with the line it starts on. */
    @FunctionalInterface
    interface RecordListener {
        void record(int line, DatasetRecord record);
    }

    /** What the scan found: the detected format (null if no record could be recognised) and the record count. */
    record Outcome(DatasetFormat format, int records) {
    }

    private final Path file;
    private final ProblemSink sink;
    private final RecordDecoder decoder;
    private final FirstLineIndex idLines = new FirstLineIndex();
    private DatasetFormat format;
    private int formatLine;

    DatasetScanner(Path file, ProblemSink sink) {
        this.file = file;
        this.sink = sink;
        this.decoder = new RecordDecoder(stem(file));
    }

    /** A directory is a run directory: the dataset is its examples.jsonl. */
    static Path datasetFile(Path fileOrRunDir) {
        if (Files.isDirectory(fileOrRunDir)) {
            Path examples = fileOrRunDir.resolve("examples.jsonl");
            if (!Files.isRegularFile(examples)) {
                throw new BadInputException(fileOrRunDir
                        + ": not a run directory (no examples.jsonl in it); expected a dataset file or a run directory");
            }
            return examples;
        }
        if (!Files.exists(fileOrRunDir)) {
            throw new BadInputException(fileOrRunDir + ": no such file");
        }
        return fileOrRunDir;
    }

    Outcome scan(RecordListener listener) {
        try {
            boolean array = JsonRecordSource.isJsonArray(file);
            boolean[] unreadable = {false}; // a file we could not read is not "empty"
            JsonRecordSource.Visitor visitor = new JsonRecordSource.Visitor() {
                @Override
                public void value(int line, int position, JsonNode value) {
                    check(line, position, value, array, listener);
                }

                @Override
                public void malformed(int line, String message) {
                    unreadable[0] = true;
                    sink.report(line, message);
                }
            };
            int records = array ? JsonRecordSource.readArray(file, visitor) : JsonRecordSource.readJsonl(file, visitor);
            if (records == 0 && !unreadable[0]) {
                sink.report(0, array ? "the JSON array is empty; expected Alpaca records in it"
                        : "the file is empty; expected JSON records, one object per line (JSONL) or a JSON array");
            }
            return new Outcome(format, records);
        } catch (NoSuchFileException e) {
            throw new BadInputException(file + ": no such file");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private void check(int line, int position, JsonNode value, boolean array, RecordListener listener) {
        DatasetFormat shape = value instanceof ObjectNode object ? RecordShape.detect(object, array) : null;
        if (shape == null) {
            sink.report(line, RecordShape.EXPECTED + ", found " + JsonNodeDescription.of(value));
            return;
        }
        if (array && !shape.jsonArray()) {
            sink.report(line, "found " + RecordShape.recordOf(shape) + " in a JSON array; a JSON array must hold "
                    + "Alpaca records (instruction/input/output) or ShareGPT conversations, other formats are read "
                    + "as JSONL");
            return;
        }
        if (format == null) {
            format = shape;
            formatLine = line;
        } else if (shape != format) {
            sink.report(line, "found " + RecordShape.recordOf(shape) + " in a file of " + format.displayName()
                    + " (detected from line " + formatLine + "); every record must have the same format");
            return;
        }
        List<String> problems = new ArrayList<>();
        LoneSurrogates.find(value).ifPresent(problems::add);
        List<Example.Message> turns = new ArrayList<>();
        SeedTask task = decoder.decode((ObjectNode) value, shape, position, problems, turns);
        problems.forEach(p -> sink.report(line, p));
        if (task == null) {
            return;
        }
        int first = idLines.putIfAbsent(task.id(), line);
        if (first != 0) {
            sink.report(line, "duplicate id '" + task.id() + "' (first used at line " + first + ")");
            return;
        }
        listener.record(line, new DatasetRecord(task, (ObjectNode) value,
                turns.isEmpty() || ChatSchema.singleTurn(turns) ? List.of() : turns));
    }

    private static String stem(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "record" : name.toString();
        int dot = text.lastIndexOf('.');
        return dot > 0 ? text.substring(0, dot) : text;
    }
}
