package dev.instructgen.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A dataset file as read by {@link DatasetReader}: where it came from, its detected format and its records in
 * file order.
 *
 * @param file the file read (for a run directory, its examples.jsonl)
 */
public record Dataset(Path file, DatasetFormat format, List<DatasetRecord> records) {

    public Dataset {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        records = List.copyOf(records);
    }

    /** The normalised tasks, in file order. */
    public List<SeedTask> tasks() {
        return records.stream().map(DatasetRecord::task).toList();
    }

    public int size() {
        return records.size();
    }
}
