package dev.instructgen.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the JSON values of a dataset file, a JSONL file line by line (files of 100k+ lines never sit in memory
 * as text) or a JSON array element by element, with the line each value starts on. Blank lines are skipped.
 * Malformed JSON is reported with Jackson's line and column; a JSONL file carries on at the next line, a JSON
 * array cannot be resynchronised and stops.
 */
final class JsonRecordSource {

    /** Receives each value, or the reason one could not be read. */
    interface Visitor {
        /** @param position JSONL line, or index + 1 in the array */
        void value(int line, int position, JsonNode value);

        void malformed(int line, String message);
    }

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private static final ObjectReader STRICT = JsonCodec.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonRecordSource() {
    }

    /** True when the first non-blank character is '[': the file is one JSON array. */
    static boolean isJsonArray(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int c;
            while ((c = in.read()) != -1) {
                // skip whitespace and the UTF-8 byte order mark (EF BB BF)
                if (!Character.isWhitespace(c) && c != 0xEF && c != 0xBB && c != 0xBF) {
                    return c == '[';
                }
            }
            return false;
        }
    }

    /** Reads a JSONL file; returns the number of non-blank lines. */
    static int readJsonl(Path file, Visitor visitor) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNo = 0;
        int records = 0;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder),
                1 << 16)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                records++;
                try {
                    visitor.value(lineNo, lineNo, STRICT.readTree(line));
                } catch (JsonProcessingException e) {
                    if (records == 1 && holdsOneMultiLineObject(file)) {
                        visitor.malformed(lineNo, "the file holds one JSON object spread over several lines; "
                                + "expected one JSON object per line (JSONL) or a JSON array of records");
                        return records;
                    }
                    visitor.malformed(lineNo, invalidJson(e));
                }
            }
        } catch (CharacterCodingException e) {
            visitor.malformed(lineNo + 1, "not valid UTF-8 text; save the file as UTF-8");
        }
        return records;
    }

    /** Reads a file holding one JSON array; returns the number of elements. */
    static int readArray(Path file, Visitor visitor) throws IOException {
        int elements = 0;
        try (JsonParser parser = JsonCodec.mapper().getFactory().createParser(file.toFile())) {
            parser.nextToken(); // the opening '[' that isJsonArray saw
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    visitor.malformed(parser.currentLocation().getLineNr(),
                            "the JSON array is not closed; expected ']' at the end of the file");
                    return elements;
                }
                int line = parser.currentTokenLocation().getLineNr();
                elements++;
                visitor.value(line, elements, JsonCodec.mapper().readTree(parser));
            }
            if (parser.nextToken() != null) {
                visitor.malformed(parser.currentTokenLocation().getLineNr(),
                        "unexpected content after the closing ']' of the JSON array");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            visitor.malformed(at == null ? 0 : at.getLineNr(), invalidJson(e));
        }
        return elements;
    }

    private static String invalidJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getColumnNr() < 1 ? "" : " at column " + at.getColumnNr();
        String reason = e.getOriginalMessage().replaceAll("\\s+", " ").trim();
        return "invalid JSON" + where + ": " + reason;
    }

    /** A pretty-printed single object: a common mistake worth one clear message instead of one per line. */
    private static boolean holdsOneMultiLineObject(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return STRICT.readTree(in).isObject();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
