package dev.instructgen.text;

/**
 * The closest pool member to a text.
 *
 * @param score        ROUGE-L F1 in [0, 1]; 0 when the pool is empty
 * @param mostSimilarId id of the member reaching {@code score}, or null when the pool is empty or all scores are 0
 */
public record Similarity(double score, String mostSimilarId) {

    public static final Similarity NONE = new Similarity(0.0, null);
}
