package dev.instructgen.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.instructgen.dataset.JsonCodec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What differs between a stored run and the run a command asks for, in the words a user can act on:
 * "rouge-threshold 0.7 -> 0.8". Only what defines the run is compared (see {@link Manifest}); limits are not.
 */
final class ManifestDiff {

    private static final int HASH_SHOWN = 12;

    /**
     * Settings recorded for the reader but not compared: the input file's path (Evol-Instruct), since the same file
     * may be named by another path (relative vs absolute) and its sha256 is compared through {@code seeds}.
     */
    private static final Set<String> RECORDED_ONLY = Set.of("input");

    private ManifestDiff() {
    }

    /** Every difference, stored value first; empty when the run may resume; only the command when that differs. */
    static List<String> between(Manifest stored, Manifest requested) {
        List<String> differences = new ArrayList<>();
        if (!Objects.equals(stored.command(), requested.command())) {
            // another command's run: every setting differs, and listing them all says less than this one line
            return List.of("command " + stored.command() + " -> " + requested.command());
        }
        compareMaps(stored.settings(), requested.settings(), differences);
        String storedSeeds = stored.seeds() == null ? null : stored.seeds().sha256();
        String requestedSeeds = requested.seeds() == null ? null : requested.seeds().sha256();
        if (!Objects.equals(storedSeeds, requestedSeeds)) {
            differences.add("seeds sha256 " + shortHash(storedSeeds) + " -> " + shortHash(requestedSeeds));
        }
        Set<String> templates = new LinkedHashSet<>(stored.prompts().keySet());
        templates.addAll(requested.prompts().keySet());
        for (String template : templates) {
            String before = stored.prompts().get(template);
            String after = requested.prompts().get(template);
            if (!Objects.equals(before, after)) {
                differences.add("prompt " + template + " sha256 " + shortHash(before) + " -> " + shortHash(after));
            }
        }
        if (stored.randomSeed() != requested.randomSeed()) {
            differences.add("random-seed " + stored.randomSeed() + " -> " + requested.randomSeed());
        }
        return differences;
    }

    private static void compareMaps(Map<String, Object> stored, Map<String, Object> requested,
                                    List<String> differences) {
        Set<String> keys = new LinkedHashSet<>(stored.keySet());
        keys.addAll(requested.keySet());
        for (String key : keys) {
            if (RECORDED_ONLY.contains(key)) {
                continue;
            }
            compareNodes(key, normalized(stored.get(key)), normalized(requested.get(key)), differences);
        }
    }

    private static void compareNodes(String key, JsonNode before, JsonNode after, List<String> differences) {
        if (!sameValue(before, after)) {
            differences.add(key + " " + show(before) + " -> " + show(after));
        }
    }

    /**
     * The stored side was read back from JSON, the requested side is live Java objects (Integer vs Long, Path vs
     * String, lists, nested maps); both become the same kind of tree, compared field by field, numbers by value.
     */
    private static JsonNode normalized(Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        ObjectMapper mapper = JsonCodec.mapper();
        return mapper.valueToTree(value);
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isMissingNode() || b.isMissingNode()) {
            return (a.isMissingNode() || a.isNull()) && (b.isMissingNode() || b.isNull());
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> fields = new LinkedHashSet<>();
            a.fieldNames().forEachRemaining(fields::add);
            b.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                if (!sameValue(a.path(field), b.path(field))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static String show(JsonNode node) {
        if (node.isNull() || node.isMissingNode()) {
            return "(unset)";
        }
        return node.isTextual() ? node.asText() : node.toString();
    }

    private static String shortHash(String hash) {
        if (hash == null) {
            return "(none)";
        }
        return hash.length() > HASH_SHOWN ? hash.substring(0, HASH_SHOWN) + "..." : hash;
    }
}
