package dev.instructgen.filter.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.error.BadInputException;
import dev.instructgen.text.overlap.BenchmarkIndex;
import dev.instructgen.text.overlap.BenchmarkItem;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the benchmark files a user brings into a {@link BenchmarkIndex}. A file whose first non-blank line starts
 * with '{' is JSONL: each line an object whose text field is the item ({@code field}, or else the first of
 * {@link #FIELDS} the line has); any other file is plain text, one item per non-blank line. A line that breaks
 * these rules is a user error naming the file and line.
 */
public final class BenchmarkFiles {

    /** The usual names of an evaluation item's text (MMLU/GSM8K question, HumanEval prompt, ...), in order. */
    public static final List<String> FIELDS = List.of("question", "prompt", "instruction", "text", "input");

    private BenchmarkFiles() {
    }

    /** @param field the JSONL text field, or null to take the first of {@link #FIELDS} on each line */
    public static BenchmarkIndex load(List<Path> files, String field, int ngram, double rougeThreshold) {
        BenchmarkIndex index = new BenchmarkIndex(ngram, rougeThreshold);
        for (Path file : files) {
            read(file, field, index);
        }
        return index;
    }

    private static void read(Path file, String field, BenchmarkIndex index) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such benchmark file (expected JSONL or plain text, one item "
                    + "per line)");
        }
        String name = file.getFileName().toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Boolean jsonl = null;
            long lineNo = 0;
            int items = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                String text = line.strip();
                if (lineNo == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1).strip();
                }
                if (text.isEmpty()) {
                    continue;
                }
                if (jsonl == null) {
                    jsonl = text.startsWith("{");
                }
                String item = jsonl ? itemOf(file, lineNo, text, field) : text;
                index.add(new BenchmarkItem(name, lineNo, item));
                items++;
            }
            if (items == 0) {
                throw new BadInputException(file + ": no benchmark items (expected JSONL with a text field, or plain "
                        + "text, one item per line)");
            }
        } catch (CharacterCodingException e) {
            throw new BadInputException(file + ": not UTF-8 text (expected JSONL or plain text)");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read benchmark file: " + e.getMessage(), e);
        }
    }

    private static String itemOf(Path file, long lineNo, String text, String field) {
        JsonNode node;
        try {
            node = JsonCodec.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + " line " + lineNo + ": not a JSON object (the file's first line is "
                    + "JSON, so every line must be one): " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadInputException(file + " line " + lineNo + ": expected a JSON object");
        }
        List<String> names = field != null ? List.of(field) : FIELDS;
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        throw new BadInputException(file + " line " + lineNo + ": no text field "
                + (field != null ? "'" + field + "'" : "(expected one of " + String.join(", ", FIELDS)
                + ", or name it with --decontaminate-field)"));
    }
}
