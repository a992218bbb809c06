package dev.instructgen.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.Sampling;

import java.util.Iterator;
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
        SectionFields fields = SectionFields.of(node, KEYS, where);
        try {
            return new Sampling(
                    fields.number("temperature", base.temperature()),
                    fields.number("top-p", base.topP()),
                    fields.wholeNumber("max-tokens", base.maxTokens()),
                    fields.number("presence-penalty", base.presencePenalty()),
                    fields.strings("stop", base.stop()));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(where + ": " + e.getMessage(), e);
        }
    }
}
