package dev.instructgen.report.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks which examples go to the validation file: exactly round(n * fraction) of them, chosen by a seeded
 * hash of each example's id. Ranking by hash (rather than shuffling positions) makes the choice independent
 * of file order and repeatable with the same seed.
 */
final class ValidationSplit {

    private ValidationSplit() {
    }

    /**
     * @param fraction in (0, 1)
     * @return the ids of the validation examples
     */
    static Set<String> choose(List<String> ids, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be between 0 and 1, exclusive: " + fraction);
        }
        int size = (int) Math.round(ids.size() * fraction);
        List<Ranked> ranked = new ArrayList<>(ids.size());
        for (String id : ids) {
            ranked.add(new Ranked(id, mix(seed ^ fnv1a(id))));
        }
        ranked.sort(Comparator.comparingLong(Ranked::rank).thenComparing(Ranked::id));
        Set<String> chosen = new HashSet<>();
        for (int i = 0; i < size; i++) {
            chosen.add(ranked.get(i).id());
        }
        return chosen;
    }

    private record Ranked(String id, long rank) {
    }

    /** FNV-1a 64-bit: a stable hash of the id's UTF-8 bytes (String.hashCode is only 32 bits). */
    private static long fnv1a(String id) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** The SplitMix64 finalizer, so that nearby seeds give unrelated rankings. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
