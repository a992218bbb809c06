package dev.instructgen.text;

import java.util.List;

/**
 * ROUGE-L F1 exactly as the rouge_score package computes it (Lin 2004; used by Self-Instruct and Alpaca):
 * F = 2·LCS / (m + n) with equal weight on precision and recall; an empty side scores 0.
 * This is the plain O(m·n) dynamic programme: the reference the fast index is checked against.
 */
public final class RougeL {

    private RougeL() {
    }

    public static double f1(List<String> target, List<String> prediction) {
        if (target.isEmpty() || prediction.isEmpty()) {
            return 0.0;
        }
        int lcs = lcsLength(target, prediction);
        return lcs == 0 ? 0.0 : 2.0 * lcs / (target.size() + prediction.size());
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
