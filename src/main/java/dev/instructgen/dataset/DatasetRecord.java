package dev.instructgen.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Objects;

/**
 * One record of a dataset file: the normalised task, and the JSON object exactly as read so that a command can
 * write the record back in its own format without losing fields we do not model (e.g. Alpaca files with an extra
 * "source" key).
 */
public record DatasetRecord(SeedTask task, ObjectNode raw) {

    public DatasetRecord {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(raw, "raw");
    }
}
