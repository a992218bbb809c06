package dev.instructgen.config;

import com.fasterxml.jackson.databind.JsonNode;

import dev.instructgen.error.BadInputException;
import dev.instructgen.text.ClosestMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the settings of one map in a config section ({@code filters:}, one stage of {@code sampling:}), so every
 * section checks keys and types alike. Keys may be written with dashes or underscores; {@code where} names the
 * file and the map (e.g. "run.yaml: sampling.classification") in every message.
 */
final class SectionFields {

    private final JsonNode node;
    private final String where;

    private SectionFields(JsonNode node, String where) {
        this.node = node;
        this.where = where;
    }

    /** Checks that {@code node} is a map holding only {@code keys}; an unknown key names the closest valid one. */
    static SectionFields of(JsonNode node, Set<String> keys, String where) {
        if (!node.isObject()) {
            throw new BadInputException(where + " must be a map of " + String.join(", ", new TreeSet<>(keys)));
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!keys.contains(key.replace('_', '-'))) {
                String hint = ClosestMatch.among(key, keys).map(k -> "; did you mean " + k + "?")
                        .orElse(" (expected one of " + String.join(", ", new TreeSet<>(keys)) + ")");
                throw new BadInputException(where + "." + key + " is not a setting here" + hint);
            }
        });
        return new SectionFields(node, where);
    }

    Double number(String key, Double otherwise) {
        JsonNode v = field(key);
        if (v == null) {
            return otherwise;
        }
        if (!v.isNumber()) {
            throw new BadInputException(where + "." + key + " must be a number, was " + v);
        }
        return v.asDouble();
    }

    Integer wholeNumber(String key, Integer otherwise) {
        JsonNode v = field(key);
        if (v == null) {
            return otherwise;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new BadInputException(where + "." + key + " must be a whole number, was " + v);
        }
        return v.asInt();
    }

    List<String> strings(String key, List<String> otherwise) {
        JsonNode v = field(key);
        if (v == null) {
            return otherwise;
        }
        if (!v.isArray()) {
            throw new BadInputException(where + "." + key + " must be a list");
        }
        List<String> out = new ArrayList<>();
        v.forEach(item -> out.add(item.asText()));
        return out;
    }

    private JsonNode field(String key) {
        JsonNode v = node.get(key);
        return v != null ? v : node.get(key.replace('-', '_'));
    }
}
