package dev.instructgen.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Objects;

/**
 * One record of a dataset file: the normalised task, and the JSON object exactly as read so that a command can
 * write the record back in its own format without losing fields we do not model (e.g. Alpaca files with an extra
 * "source" key).
 *
 * @param messages the turns of a chat record (ShareGPT, OpenAI chat) that is more than one user turn and its
 *                 answer; empty for every other record, whose task holds all of it (docs/formats.md)
 */
public record DatasetRecord(SeedTask task, ObjectNode raw, List<Example.Message> messages) {

    public DatasetRecord {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(raw, "raw");
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    public DatasetRecord(SeedTask task, ObjectNode raw) {
        this(task, raw, List.of());
    }
}
