package dev.instructgen.dataset;

/**
 * Remembers the first line on which each key (an id, an instruction) was seen, in two flat arrays keyed by a
 * 64-bit hash of the key instead of by the key itself: a million records cost about 24 MB instead of the
 * strings' own size, so {@code validate} of a large file fits a small heap. Two different keys share a hash with
 * probability about n²/2⁶⁵ (3·10⁻⁸ for a million keys), which would report one false duplicate; an accepted
 * price for checking files of any size.
 */
final class FirstLineIndex {

    private long[] keys = new long[1 << 10];
    private int[] lines = new int[1 << 10]; // 0 marks an empty slot; lines start at 1
    private int size;

    /** Records {@code line} for {@code key} unless the key was seen; returns the earlier line, or 0. */
    int putIfAbsent(String key, int line) {
        if (size * 2 >= keys.length) {
            grow();
        }
        long hash = hash(key);
        int mask = keys.length - 1;
        for (int slot = (int) hash & mask; ; slot = (slot + 1) & mask) {
            if (lines[slot] == 0) {
                keys[slot] = hash;
                lines[slot] = Math.max(1, line);
                size++;
                return 0;
            }
            if (keys[slot] == hash) {
                return lines[slot];
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        lines = new int[oldLines.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldLines[i] != 0) {
                int slot = (int) oldKeys[i] & mask;
                while (lines[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                lines[slot] = oldLines[i];
            }
        }
    }

    /** FNV-1a over the UTF-16 units, then the MurmurHash3 finaliser to spread the bits over the table's mask. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
