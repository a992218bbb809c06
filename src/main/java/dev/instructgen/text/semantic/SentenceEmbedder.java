package dev.instructgen.text.semantic;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a sentence into a unit-length vector whose dot product with another sentence's vector is their cosine
 * similarity. The port the semantic near-duplicate filter needs; {@link BgeSmallEmbedder} is the production
 * implementation and tests may pass a small deterministic one.
 */
public interface SentenceEmbedder {

    /** Length of every vector this embedder returns. */
    int dimension();

    /** The L2-normalised embedding of {@code text}. */
    float[] embed(String text);

    /** Embeddings of several texts, in order; implementations may batch. */
    default List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(embed(text));
        }
        return vectors;
    }

    /** Scales {@code v} in place to unit length (a zero vector stays zero) and returns it. */
    static float[] normalise(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum > 0) {
            float inverse = (float) (1.0 / Math.sqrt(sum));
            for (int i = 0; i < v.length; i++) {
                v[i] *= inverse;
            }
        }
        return v;
    }

    /** Dot product; the cosine similarity of two unit vectors. */
    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
