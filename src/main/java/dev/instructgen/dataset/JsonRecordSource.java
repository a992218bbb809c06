package dev.instructgen.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.IOException;
import java.io.InputStream;
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

    /** Duplicate keys are refused: Jackson would otherwise keep the last value without a word. */
    private static final ObjectReader STRICT = JsonCodec.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** For the elements of a JSON array, read from one parser: no trailing-token check between them. */
    private static final ObjectReader ARRAY = JsonCodec.mapper().reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final long MULTI_LINE_CHECK_BYTES = 64L << 20;

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
        int[] records = {0};
        boolean[] stop = {false};
        try (InputStream in = Files.newInputStream(file)) {
            new Utf8LineReader().read(in, new Utf8LineReader.Listener() {
                @Override
                public void line(int lineNo, String line) {
                    if (stop[0] || line.isBlank()) {
                        return;
                    }
                    records[0]++;
                    try {
                        visitor.value(lineNo, lineNo, STRICT.readTree(line));
                    } catch (JsonProcessingException e) {
                        if (records[0] == 1 && holdsOneMultiLineObject(file)) {
                            visitor.malformed(lineNo, "the file holds one JSON object spread over several lines; "
                                    + "expected one JSON object per line (JSONL) or a JSON array of records");
                            stop[0] = true;
                            return;
                        }
                        visitor.malformed(lineNo, JsonErrorText.of(e));
                    }
                }

                @Override
                public void notUtf8(int lineNo, String detail) {
                    if (!stop[0]) {
                        records[0]++;
                        visitor.malformed(lineNo, detail);
                    }
                }

                @Override
                public void unreadable(int lineNo, String message) {
                    if (!stop[0]) {
                        visitor.malformed(lineNo, message);
                    }
                }
            });
        }
        return records[0];
    }

    /** Reads a file holding one JSON array; returns the number of elements. */
    static int readArray(Path file, Visitor visitor) throws IOException {
        int elements = 0;
        try (JsonParser parser = ARRAY.createParser(file.toFile())) {
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
                visitor.value(line, elements, ARRAY.readTree(parser));
            }
            if (parser.nextToken() != null) {
                visitor.malformed(parser.currentTokenLocation().getLineNr(),
                        "unexpected content after the closing ']' of the JSON array");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            visitor.malformed(at == null ? 0 : at.getLineNr(), JsonErrorText.of(e));
        }
        return elements;
    }

    /** A pretty-printed single object: a common mistake worth one clear message instead of one per line. */
    private static boolean holdsOneMultiLineObject(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.size(file) > MULTI_LINE_CHECK_BYTES) {
                return false; // a pretty-printed single record is small; a big file is meant as JSONL
            }
            return STRICT.readTree(in).isObject();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
