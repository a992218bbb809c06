package dev.instructgen.text;

import java.util.Arrays;
import java.util.List;

/**
 * A candidate text prepared for one search: its tokens as pool ids, its distinct tokens ordered rarest first
 * (by current document frequency) with their counts, and the match masks for the bit-parallel LCS.
 *
 * <p>Bit-parallel LCS (Allison &amp; Dix 1986, in Hyyrö's 2004 formulation): for each distinct token s of the
 * candidate A (length m), a mask M[s] has bit i set where A[i] = s. A bit vector V starts all ones; for each token
 * b of the other text, with U = V &amp; M[b], V becomes (V + U) | (V - U). After the last token, the number of zero
 * bits among the low m bits of V is LCS(A, B). That is O(⌈m/64⌉·n) word operations instead of m·n cells; past 64
 * tokens the vector spans several words and the addition carries from word to word. Tokens of B that do not occur
 * in A leave V unchanged and are skipped.
 */
final class CandidateQuery {

    private final int length;
    private final int[] tokens;
    private final int[] counts;
    private final int knownCount;
    private final int words;
    private final long[] masks;
    private final long lastWordMask;

    private CandidateQuery(int length, int[] tokens, int[] counts, int knownCount, long[] masks) {
        this.length = length;
        this.tokens = tokens;
        this.counts = counts;
        this.knownCount = knownCount;
        this.words = Math.max(1, (length + 63) >>> 6);
        this.masks = masks;
        int tail = length & 63;
        this.lastWordMask = tail == 0 ? -1L : (1L << tail) - 1;
    }

    /**
     * Prepares {@code text} against the current pool. {@code local} (at least vocabulary-sized, all zero) receives,
     * for each distinct candidate token, its position in the probe order plus one; {@link #release} clears it.
     */
    static CandidateQuery prepare(List<String> text, Pool pool, int[] local) {
        int m = text.size();
        int[] ids = new int[m];
        int[] distinct = new int[m];
        int distinctCount = 0;
        int known = 0;
        for (int i = 0; i < m; i++) {
            int id = pool.tokenId(text.get(i));
            ids[i] = id;
            if (id >= 0) {
                known++;
                if (local[id]++ == 0) {
                    distinct[distinctCount++] = id;
                }
            }
        }
        // rarest first; the document frequency sits in the high bits so that one sort orders by it
        long[] order = new long[distinctCount];
        for (int d = 0; d < distinctCount; d++) {
            order[d] = ((long) pool.documentFrequency(distinct[d]) << 32) | distinct[d];
        }
        Arrays.sort(order);
        int[] tokens = new int[distinctCount];
        int[] counts = new int[distinctCount];
        for (int k = 0; k < distinctCount; k++) {
            int id = (int) order[k];
            tokens[k] = id;
            counts[k] = local[id];
            local[id] = k + 1;
        }
        int words = Math.max(1, (m + 63) >>> 6);
        long[] masks = new long[distinctCount * words];
        for (int i = 0; i < m; i++) {
            if (ids[i] >= 0) {
                masks[(local[ids[i]] - 1) * words + (i >>> 6)] |= 1L << (i & 63);
            }
        }
        return new CandidateQuery(m, tokens, counts, known, masks);
    }

    void release(int[] local) {
        for (int token : tokens) {
            local[token] = 0;
        }
    }

    /** LCS length between this candidate and a member's token ids; {@code local} as filled by prepare. */
    int lcs(int[] member, int[] local, long[] scratch) {
        return lcs(member, 0, member.length, local, scratch);
    }

    /** LCS length between this candidate and {@code tokens[from, to)}. */
    int lcs(int[] tokens, int from, int to, int[] local, long[] scratch) {
        if (words == 1) {
            long v = -1L;
            for (int i = from; i < to; i++) {
                int k = local[tokens[i]] - 1;
                if (k >= 0) {
                    long u = v & masks[k];
                    v = (v + u) | (v - u);
                }
            }
            return Long.bitCount(~v & lastWordMask);
        }
        Arrays.fill(scratch, 0, words, -1L);
        for (int i = from; i < to; i++) {
            int k = local[tokens[i]] - 1;
            if (k < 0) {
                continue;
            }
            int base = k * words;
            long carry = 0;
            for (int w = 0; w < words; w++) {
                long v = scratch[w];
                long u = v & masks[base + w];
                long sum = v + u + carry;
                carry = ((v & u) | ((v | u) & ~sum)) >>> 63;
                scratch[w] = sum | (v - u);
            }
        }
        int lcs = 0;
        for (int w = 0; w < words - 1; w++) {
            lcs += Long.bitCount(~scratch[w]);
        }
        return lcs + Long.bitCount(~scratch[words - 1] & lastWordMask);
    }

    /** m: number of tokens, known to the pool or not. */
    int length() {
        return length;
    }

    int distinctCount() {
        return tokens.length;
    }

    /** The k-th distinct known token in probe order (rarest first). */
    int token(int k) {
        return tokens[k];
    }

    int count(int k) {
        return counts[k];
    }

    /** Occurrences of tokens no member contains: they can never be shared. */
    int unknownCount() {
        return length - knownCount;
    }

    int words() {
        return words;
    }
}
