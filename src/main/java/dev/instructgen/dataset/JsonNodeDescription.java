package dev.instructgen.dataset;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Says what a JSON value is, for "expected X, found Y" messages. */
final class JsonNodeDescription {

    private static final int MAX_KEYS_SHOWN = 8;

    private JsonNodeDescription() {
    }

    static String of(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case OBJECT -> "an object with keys " + keys(node);
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String keys(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            return "[] (an empty object)";
        }
        if (names.size() > MAX_KEYS_SHOWN) {
            int more = names.size() - MAX_KEYS_SHOWN;
            names = new ArrayList<>(names.subList(0, MAX_KEYS_SHOWN));
            names.add("... " + more + " more");
        }
        return names.toString();
    }
}
