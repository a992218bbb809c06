package dev.instructgen.text;

import java.util.List;

/**
 * ROUGE-L F1 exactly as the rouge_score package computes it (Lin 2004; used by Self-Instruct and Alpaca):
 * mathematically F = 2·LCS / (m + n), equal weight on precision and recall; an empty side scores 0.
 *
 * <p>The score is computed in the package's own floating-point steps (precision = LCS/n, recall = LCS/m,
 * F = 2·p·r / (p + r)), not as 2·LCS/(m+n), because the two differ in the last bit exactly at ties: for
 * LCS = 7, m = 7, n = 13 the true score is 7/10, but the package gets 0.7000000000000001 and so rejects the
 * candidate at threshold 0.7, whereas 2.0·7/20 is exactly 0.7 and would keep it. Novelty decisions must match
 * the reference, so every score in this package goes through {@link #f1(int, int, int)}.
 *
 * <p>{@link #lcsLength} is the plain O(m·n) dynamic programme: the reference the fast index is checked against.
 */
public final class RougeL {

    private RougeL() {
    }

    /** ROUGE-L F1 with {@code target} as the reference text and {@code prediction} as the system text. */
    public static double f1(List<String> target, List<String> prediction) {
        if (target.isEmpty() || prediction.isEmpty()) {
            return 0.0;
        }
        return f1(lcsLength(target, prediction), target.size(), prediction.size());
    }

    /**
     * F1 from an LCS length and the two token counts, in rouge_score's arithmetic
     * ({@code scoring.fmeasure(lcs / n, lcs / m)}).
     *
     * @param lcs              length of the longest common subsequence
     * @param targetLength     m, tokens in the target (the candidate)
     * @param predictionLength n, tokens in the prediction (the pool member)
     */
    public static double f1(int lcs, int targetLength, int predictionLength) {
        if (targetLength == 0 || predictionLength == 0) {
            return 0.0;
        }
        double precision = (double) lcs / predictionLength;
        double recall = (double) lcs / targetLength;
        if (precision + recall > 0) {
            return 2 * precision * recall / (precision + recall);
        }
        return 0.0;
    }

    /** Length of the longest common subsequence, with two rolling rows. */
    public static int lcsLength(List<String> a, List<String> b) {
        int[] prev = new int[b.size() + 1];
        int[] curr = new int[b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            String ai = a.get(i - 1);
            for (int j = 1; j <= b.size(); j++) {
                curr[j] = ai.equals(b.get(j - 1)) ? prev[j - 1] + 1 : Math.max(prev[j], curr[j - 1]);
            }
            int[] swap = prev;
            prev = curr;
            curr = swap;
        }
        return prev[b.size()];
    }
}
