package dev.instructgen.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The records of a JSONL file (examples.jsonl, rejected.jsonl, an export), one JSON tree per line. */
public final class JsonLines {

    private JsonLines() {
    }

    /** Every line as JSON; the file must exist. */
    public static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JsonCodec.mapper().readTree(line));
        }
        return nodes;
    }

    /** As {@link #read}, with no records when the file does not exist (a run that wrote none). */
    public static List<JsonNode> readIfExists(Path file) throws IOException {
        return Files.exists(file) ? read(file) : List.of();
    }
}
