package dev.instructgen.text.overlap;

import java.util.Arrays;

/**
 * 64-bit n-gram fingerprints mapped to the first item that holds them: appended unsorted while items are added,
 * sorted once before the first lookup (and again only if items are added later). Two parallel primitive arrays
 * instead of a map of boxed longs: 100k benchmark items of ~50 words fit in a few tens of megabytes.
 */
final class NgramTable {

    private long[] hashes = new long[1024];
    private int[] items = new int[1024];
    private int size;
    private volatile boolean sorted = true;

    void put(long hash, int item) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
            items = Arrays.copyOf(items, size * 2);
        }
        hashes[size] = hash;
        items[size] = item;
        size++;
        sorted = false;
    }

    /** The item holding {@code hash}, or -1. */
    int find(long hash) {
        if (!sorted) {
            sort();
        }
        int at = Arrays.binarySearch(hashes, 0, size, hash);
        return at < 0 ? -1 : items[at];
    }

    int size() {
        return size;
    }

    private synchronized void sort() {
        if (sorted) {
            return;
        }
        // sort (hash, item) pairs by hash through one index permutation, then drop duplicate hashes
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int byHash = Long.compare(hashes[a], hashes[b]);
            return byHash != 0 ? byHash : Integer.compare(items[a], items[b]);
        });
        long[] h = new long[Math.max(16, size)];
        int[] it = new int[h.length];
        int n = 0;
        for (int i = 0; i < size; i++) {
            long hash = hashes[order[i]];
            if (n == 0 || h[n - 1] != hash) {
                h[n] = hash;
                it[n] = items[order[i]];
                n++;
            }
        }
        hashes = h;
        items = it;
        size = n;
        sorted = true;
    }
}
