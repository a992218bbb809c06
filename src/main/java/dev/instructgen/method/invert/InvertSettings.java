package dev.instructgen.method.invert;

import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.Sampling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an inversion run does, validated once.
 *
 * @param sampling       sampling of the inversion requests
 * @param rougeThreshold novelty threshold of inverted instructions against the inputs and each other
 * @param target         optional cap on accepted examples; null inverts every source once
 */
public record InvertSettings(Sampling sampling, double rougeThreshold, Integer target) {

    /** Self-Instruct's novelty threshold (Wang et al. 2023, section 2.3), used by every command by default. */
    public static final double DEFAULT_ROUGE_THRESHOLD = 0.7;
    /** A rewritten instruction is short: a sentence or two. Moderate temperature keeps it faithful to the pair. */
    public static final double DEFAULT_TEMPERATURE = 0.7;
    public static final int DEFAULT_MAX_TOKENS = 256;
    /** The stage name of the config file's {@code sampling} section. */
    public static final String STAGE = "invert";

    public InvertSettings {
        Objects.requireNonNull(sampling, "sampling");
        if (rougeThreshold <= 0 || rougeThreshold > 1) {
            throw new BadInputException("--rouge-threshold must be within (0, 1], was " + rougeThreshold);
        }
        if (target != null && target < 1) {
            throw new BadInputException("--target must be at least 1, was " + target);
        }
    }

    public static Sampling sampling(double temperature, int maxTokens) {
        try {
            return new Sampling(temperature, null, maxTokens, null, List.of());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--temperature / --max-output-tokens: " + e.getMessage());
        }
    }

    public Map<String, Sampling> samplingByStage() {
        return Map.of(STAGE, sampling);
    }

    public InvertSettings withSampling(Map<String, Sampling> byStage) {
        return new InvertSettings(byStage.get(STAGE), rougeThreshold, target);
    }

    /** What defines the run, for the manifest; a rerun with other values refuses to resume. */
    public Map<String, Object> manifestSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rouge_threshold", rougeThreshold);
        m.put("sampling", Map.of(STAGE, describe()));
        return m;
    }

    public String describe() {
        return "temperature " + sampling.temperature() + ", max_tokens " + sampling.maxTokens();
    }
}
