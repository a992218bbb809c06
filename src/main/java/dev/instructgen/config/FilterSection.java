package dev.instructgen.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.filter.InstructionFilterSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code filters:} section of a config file: the heuristic instruction filters' settings, e.g.
 * <pre>
 * filters:
 *   min-words: 4
 *   max-words: 120
 *   blacklist: [image, picture, video, spreadsheet]
 * </pre>
 * {@code blacklist} replaces the default list; {@code extra-blacklist} adds to it.
 */
public final class FilterSection {

    private static final Set<String> KEYS = Set.of("min-words", "max-words", "blacklist", "extra-blacklist");

    private FilterSection() {
    }

    public static InstructionFilterSettings apply(InstructionFilterSettings defaults, JsonNode section, String where) {
        if (section == null || section.isNull()) {
            return defaults;
        }
        if (!section.isObject()) {
            throw new BadInputException(where + ": 'filters' must be a map of " + String.join(", ",
                    new java.util.TreeSet<>(KEYS)));
        }
        section.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k.replace('_', '-'))) {
                throw new BadInputException(where + ": filters." + k + " is not a filter setting (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        });
        int min = whole(section, "min-words", defaults.minWords(), where);
        int max = whole(section, "max-words", defaults.maxWords(), where);
        List<String> blacklist = new ArrayList<>(words(section, "blacklist", defaults.blacklist(), where));
        blacklist.addAll(words(section, "extra-blacklist", List.of(), where));
        try {
            return new InstructionFilterSettings(min, max, blacklist);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": filters: " + e.getMessage(), e);
        }
    }

    private static JsonNode field(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v != null ? v : node.get(key.replace('-', '_'));
    }

    private static int whole(JsonNode node, String key, int base, String where) {
        JsonNode v = field(node, key);
        if (v == null) {
            return base;
        }
        if (!v.isIntegralNumber()) {
            throw new BadInputException(where + ": filters." + key + " must be a whole number, was " + v);
        }
        return v.asInt();
    }

    private static List<String> words(JsonNode node, String key, List<String> base, String where) {
        JsonNode v = field(node, key);
        if (v == null) {
            return base;
        }
        if (!v.isArray()) {
            throw new BadInputException(where + ": filters." + key + " must be a list of words");
        }
        List<String> out = new ArrayList<>();
        v.forEach(w -> out.add(w.asText()));
        return out;
    }
}
