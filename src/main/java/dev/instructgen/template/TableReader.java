package dev.instructgen.template;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.error.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the labelled rows {@code template} renders: a CSV file with a header row (RFC 4180: comma-separated,
 * fields in double quotes may hold commas, line breaks and doubled quotes), or JSONL with one object per line.
 * The format is told from the content: a first non-blank character '{' is JSONL.
 */
final class TableReader {

    /** One row: the line it starts on, and its values by column name. */
    record Row(int line, Map<String, String> values) {
    }

    /** The rows and the columns they have. */
    record Table(List<String> columns, List<Row> rows) {
    }

    private TableReader() {
    }

    static Table read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read as UTF-8 text (" + e.getMessage() + ")", e);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return text.stripLeading().startsWith("{") ? jsonl(file, text) : csv(file, text);
    }

    private static Table jsonl(Path file, String text) {
        List<Row> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        int lineNo = 0;
        try (BufferedReader lines = new BufferedReader(new StringReader(text))) {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JsonCodec.mapper().readTree(line);
                } catch (IOException e) {
                    throw new BadInputException(file.getFileName() + ":" + lineNo + ": invalid JSON ("
                            + e.getMessage().lines().findFirst().orElse("") + ")");
                }
                if (node == null || !node.isObject()) {
                    throw new BadInputException(file.getFileName() + ":" + lineNo + ": expected a JSON object");
                }
                Map<String, String> values = new LinkedHashMap<>();
                node.properties().forEach(e -> {
                    values.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText()
                            : e.getValue().toString());
                    if (!columns.contains(e.getKey())) {
                        columns.add(e.getKey());
                    }
                });
                rows.add(new Row(lineNo, values));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Table(columns, rows);
    }

    private static Table csv(Path file, String text) {
        List<Row> rows = new ArrayList<>();
        List<String> header = null;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowStart = 1;
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            boolean end = i == text.length();
            if (quoted && !end) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            if (quoted) {
                throw new BadInputException(file.getFileName() + ":" + rowStart + ": a quoted field is not closed");
            }
            if (c == '"' && field.length() == 0) {
                quoted = true;
                any = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || field.length() > 0) {
                    fields.add(field.toString());
                    if (header == null) {
                        header = List.copyOf(fields);
                    } else {
                        rows.add(row(file, header, fields, rowStart));
                    }
                }
                fields.clear();
                field.setLength(0);
                any = false;
                if (!end) {
                    line++;
                }
                rowStart = line;
            } else {
                field.append(c);
            }
        }
        if (header == null) {
            throw new BadInputException(file.getFileName() + ": empty; expected a CSV header row naming the columns");
        }
        return new Table(header, rows);
    }

    private static Row row(Path file, List<String> header, List<String> fields, int line) {
        if (fields.size() != header.size()) {
            throw new BadInputException(file.getFileName() + ":" + line + ": expected " + header.size()
                    + " columns as in the header " + header + ", found " + fields.size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), fields.get(i));
        }
        return new Row(line, values);
    }
}
