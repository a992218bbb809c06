package dev.instructgen.text.semantic;

import java.util.List;

/**
 * Brute force: every member's dot product with the query. Exact, and at a few thousand members faster than any
 * graph; the reference that {@link GraphVectorIndex}'s recall is measured against.
 */
final class ExactVectorIndex implements VectorIndex {

    private final List<float[]> vectors;
    private int size;

    ExactVectorIndex(List<float[]> vectors) {
        this.vectors = vectors;
    }

    @Override
    public void added(int ordinal) {
        size = ordinal + 1;
    }

    @Override
    public Neighbour nearest(float[] unit, java.util.function.IntPredicate accept) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int member = 0; member < size; member++) {
            if (!accept.test(member)) {
                continue;
            }
            double score = SentenceEmbedder.dot(vectors.get(member), unit);
            if (score > bestScore) {
                bestScore = score;
                best = member;
            }
        }
        return best < 0 ? null : new Neighbour(best, bestScore);
    }
}
