package dev.instructgen.dataset;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a lone UTF-16 surrogate in a record, which JSON can spell ({@code "\ud800"}) but UTF-8 cannot encode: a
 * record holding one could be read but never written back (dedup, export), so reading refuses it up front and
 * {@code validate} reports it, and the two agree.
 */
final class LoneSurrogates {

    private LoneSurrogates() {
    }

    static Optional<String> find(JsonNode record) {
        return find(record, "");
    }

    private static Optional<String> find(JsonNode node, String path) {
        if (node.isTextual()) {
            return at(node.textValue(), path.isEmpty() ? "a value" : "'" + path + "'");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = find(node.get(i), path + "[" + (i + 1) + "]");
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String inner = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                Optional<String> found = at(field.getKey(), "the key '" + inner + "'")
                        .or(() -> find(field.getValue(), inner));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> at(String text, String what) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(what + " holds a lone surrogate \\u" + String.format("%04x", (int) c)
                        + " at character " + (i + 1) + ", which is not Unicode text and cannot be written as UTF-8; "
                        + "remove it or complete the pair");
            }
        }
        return Optional.empty();
    }
}
