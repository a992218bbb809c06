package dev.instructgen.method.curate;

import dev.instructgen.text.semantic.SentenceEmbedder;

import java.util.Arrays;
import java.util.List;

/**
 * The order in which {@code --top N} considers records: best score first, and among equal scores the record least
 * similar to everything already kept (Deita, Liu et al. 2024, section 3: score-first, diversity-aware selection;
 * here the similarity is the maximum cosine to the kept set, so each pick is the farthest remaining point). Without
 * scores every record ties and the order is pure diversity, starting from the first record.
 *
 * <p>For each remaining record it keeps its highest cosine to the kept set, updated once per kept record: a pick
 * and an update each cost one pass over the records (O(N·M) dot products for N kept of M). Not thread-safe; curate
 * runs one record at a time.
 */
final class DiversePicker {

    private final List<float[]> vectors;
    private final double[] scores;
    private final double[] nearestKept;
    private final boolean[] taken;

    /** @param scores one per record, higher is better; all equal when there are none */
    DiversePicker(List<float[]> vectors, double[] scores) {
        this.vectors = vectors;
        this.scores = scores.clone();
        this.nearestKept = new double[vectors.size()];
        Arrays.fill(nearestKept, Double.NEGATIVE_INFINITY);
        this.taken = new boolean[vectors.size()];
    }

    /** Takes a record out of consideration (decided in an earlier session, or handed out now). */
    void take(int record) {
        taken[record] = true;
    }

    /** The record joined the kept set: the others' similarity to the kept set is raised by it. */
    void kept(int record) {
        float[] v = vectors.get(record);
        for (int j = 0; j < vectors.size(); j++) {
            if (!taken[j]) {
                nearestKept[j] = Math.max(nearestKept[j], SentenceEmbedder.dot(v, vectors.get(j)));
            }
        }
    }

    /** The next record to consider and takes it, or -1 when none is left. */
    int next() {
        int best = -1;
        for (int j = 0; j < vectors.size(); j++) {
            if (taken[j]) {
                continue;
            }
            if (best < 0 || scores[j] > scores[best]
                    || (scores[j] == scores[best] && nearestKept[j] < nearestKept[best])) {
                best = j;
            }
        }
        if (best >= 0) {
            taken[best] = true;
        }
        return best;
    }
}
