package dev.instructgen.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.teacher.Sampling;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sampling:} section of a config file: per stage, values replacing the method's defaults, e.g.
 * <pre>
 * sampling:
 *   instruction-generation: {temperature: 1.0, max-tokens: 2048}
 *   instance-generation: {max-tokens: 1500}
 * </pre>
 * Keys: temperature, top-p, max-tokens, presence-penalty, stop (a list). Unknown stages or keys are errors
 * naming the file, so a typo never silently leaves a default in place.
 */
public final class SamplingSection {

    private static final Set<String> KEYS = Set.of("temperature", "top-p", "max-tokens", "presence-penalty", "stop");

    private SamplingSection() {
    }

    /**
     * @param defaults stage name to the method's default sampling; the result has the same stages
     * @param where    the config file, for messages
     */
    public static Map<String, Sampling> apply(Map<String, Sampling> defaults, JsonNode section, String where) {
        Map<String, Sampling> out = new java.util.LinkedHashMap<>(defaults);
        if (section == null || section.isNull()) {
            return out;
        }
        if (!section.isObject()) {
            throw new BadInputException(where + ": 'sampling' must map stage names (" + String.join(", ",
                    defaults.keySet()) + ") to settings");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = section.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> stage = it.next();
            Sampling base = defaults.get(stage.getKey());
            if (base == null) {
                throw new BadInputException(where + ": sampling." + stage.getKey() + " is not a stage of this "
                        + "command (expected one of " + String.join(", ", defaults.keySet()) + ")");
            }
            out.put(stage.getKey(), override(base, stage.getValue(), where + ": sampling." + stage.getKey()));
        }
        return out;
    }

    private static Sampling override(Sampling base, JsonNode node, String where) {
        if (!node.isObject()) {
            throw new BadInputException(where + " must be a map of "
                    + String.join(", ", new java.util.TreeSet<>(KEYS)));
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k.replace('_', '-'))) {
                throw new BadInputException(where + "." + k + " is not a sampling setting (expected one of "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        });
        try {
            return new Sampling(
                    number(node, "temperature", base.temperature(), where),
                    number(node, "top-p", base.topP(), where),
                    integer(node, "max-tokens", base.maxTokens(), where),
                    number(node, "presence-penalty", base.presencePenalty(), where),
                    stop(node, base.stop(), where));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": " + e.getMessage(), e);
        }
    }

    private static JsonNode field(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v != null ? v : node.get(key.replace('-', '_'));
    }

    private static Double number(JsonNode node, String key, Double base, String where) {
        JsonNode v = field(node, key);
        if (v == null) {
            return base;
        }
        if (!v.isNumber()) {
            throw new BadInputException(where + "." + key + " must be a number, was " + v);
        }
        return v.asDouble();
    }

    private static Integer integer(JsonNode node, String key, Integer base, String where) {
        JsonNode v = field(node, key);
        if (v == null) {
            return base;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new BadInputException(where + "." + key + " must be a whole number, was " + v);
        }
        return v.asInt();
    }

    private static List<String> stop(JsonNode node, List<String> base, String where) {
        JsonNode v = field(node, "stop");
        if (v == null) {
            return base;
        }
        if (!v.isArray()) {
            throw new BadInputException(where + ".stop must be a list of strings");
        }
        List<String> stops = new ArrayList<>();
        v.forEach(s -> stops.add(s.asText()));
        return stops;
    }
}
