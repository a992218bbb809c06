package dev.instructgen.text;

import java.util.Arrays;

/**
 * Per-thread working memory for one search, reused so that a query allocates almost nothing: the overlap
 * accumulator indexed by member number, the list of members it touched, the candidate's token map, the LCS bit
 * vector and the bucket arrays that order verification by upper bound.
 */
final class QueryScratch {

    static final int BUCKETS = 512;

    int[] overlap = new int[0];
    int[] touched = new int[16];
    int touchedCount;
    int[] local = new int[0];
    long[] bitVector = new long[4];
    int[] bucketStarts = new int[BUCKETS + 1];
    int[] ordered = new int[16];
    double[] bounds = new double[16];
    int[] sortedMembers = new int[16];
    double[] sortedBounds = new double[16];

    /** Sizes the arrays for a pool of {@code members} members and {@code vocabulary} distinct tokens. */
    void prepare(int members, int vocabulary, int words) {
        if (overlap.length < members) {
            overlap = new int[Math.max(members, overlap.length * 2)];
        }
        if (touched.length < members) {
            int capacity = Math.max(members, touched.length * 2);
            touched = new int[capacity];
            ordered = new int[capacity];
            bounds = new double[capacity];
            sortedMembers = new int[capacity];
            sortedBounds = new double[capacity];
        }
        if (local.length < vocabulary) {
            local = new int[Math.max(vocabulary, local.length * 2)];
        }
        if (bitVector.length < words) {
            bitVector = new long[words];
        }
        touchedCount = 0;
    }

    /** Clears the accumulator for the members touched, leaving every array ready for the next search. */
    void clearTouched() {
        for (int i = 0; i < touchedCount; i++) {
            overlap[touched[i]] = 0;
        }
        touchedCount = 0;
    }

    void clearBuckets() {
        Arrays.fill(bucketStarts, 0);
    }
}
