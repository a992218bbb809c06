package dev.instructgen.teacher;

import java.util.List;

/**
 * Decoding parameters of one request. Null fields are left to the server's defaults.
 *
 * @param temperature     sampling temperature; 0 means greedy
 * @param topP            nucleus sampling mass
 * @param maxTokens       completion length limit; a reply that hits it has finish reason LENGTH
 * @param presencePenalty OpenAI-style presence penalty (ignored by Ollama)
 * @param stop            stop sequences (may be empty)
 */
public record Sampling(Double temperature, Double topP, Integer maxTokens, Double presencePenalty, List<String> stop) {

    public Sampling {
        stop = stop == null ? List.of() : List.copyOf(stop);
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("temperature must be within 0..2, was " + temperature);
        }
        if (topP != null && (topP <= 0 || topP > 1)) {
            throw new IllegalArgumentException("top_p must be within (0, 1], was " + topP);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new IllegalArgumentException("max_tokens must be positive, was " + maxTokens);
        }
    }

    /** These parameters with another token limit. */
    public Sampling withMaxTokens(int limit) {
        return new Sampling(temperature, topP, limit, presencePenalty, stop);
    }

    /** Greedy decoding with a token limit, as Self-Instruct uses for classification and instances. */
    public static Sampling greedy(int maxTokens) {
        return new Sampling(0.0, null, maxTokens, null, List.of());
    }
}
