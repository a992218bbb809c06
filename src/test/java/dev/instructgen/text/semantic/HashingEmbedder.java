package dev.instructgen.text.semantic;

import java.util.Locale;

/**
 * A deterministic stand-in for a sentence model in tests: each lower-cased word adds a fixed pseudo-random
 * direction, so texts sharing words point the same way. Fast, and no model to load.
 */
public final class HashingEmbedder implements SentenceEmbedder {

    private final int dimension;

    public HashingEmbedder(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public float[] embed(String text) {
        float[] v = new float[dimension];
        for (String word : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            if (word.isEmpty()) {
                continue;
            }
            java.util.SplittableRandom r = new java.util.SplittableRandom(word.hashCode());
            for (int i = 0; i < dimension; i++) {
                v[i] += (float) r.nextGaussian();
            }
        }
        return SentenceEmbedder.normalise(v);
    }
}
