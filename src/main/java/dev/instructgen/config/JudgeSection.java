package dev.instructgen.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.Sampling;

import java.util.Set;

/**
 * The {@code judge:} section of a config file: the LLM judge's sampling and its share of concurrency, e.g.
 * <pre>
 * judge:
 *   sampling: {temperature: 0.0, max-tokens: 1024}
 *   concurrency: 2
 * </pre>
 * Sampling keys are those of the {@code sampling:} section. A {@code concurrency} gives the judge a teacher stack
 * of its own with that many requests in flight. Unknown keys are errors naming the file.
 *
 * @param concurrency the judge's own concurrency, or null to share the run's teacher
 */
public record JudgeSection(Sampling sampling, Integer concurrency) {

    private static final Set<String> KEYS = Set.of("sampling", "concurrency");
    private static final Set<String> SAMPLING_KEYS =
            Set.of("temperature", "top-p", "max-tokens", "presence-penalty", "stop");

    /** Reads {@code section} (null: the defaults). */
    public static JudgeSection apply(Sampling defaults, JsonNode section, String where) {
        if (section == null || section.isNull()) {
            return new JudgeSection(defaults, null);
        }
        SectionFields fields = SectionFields.of(section, KEYS, where + ": judge");
        Integer concurrency = fields.wholeNumber("concurrency", null);
        if (concurrency != null && concurrency < 1) {
            throw new BadInputException(where + ": judge.concurrency must be at least 1, was " + concurrency);
        }
        JsonNode s = section.get("sampling");
        Sampling sampling = defaults;
        if (s != null && !s.isNull()) {
            SectionFields f = SectionFields.of(s, SAMPLING_KEYS, where + ": judge.sampling");
            try {
                sampling = new Sampling(f.number("temperature", defaults.temperature()),
                        f.number("top-p", defaults.topP()),
                        f.wholeNumber("max-tokens", defaults.maxTokens()),
                        f.number("presence-penalty", defaults.presencePenalty()),
                        f.strings("stop", defaults.stop()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(where + ": judge.sampling: " + e.getMessage(), e);
            }
        }
        return new JudgeSection(sampling, concurrency);
    }
}
