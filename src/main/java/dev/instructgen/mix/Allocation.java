package dev.instructgen.mix;

/**
 * Turns rates into whole counts that sum to the total exactly: each source gets floor(total * rate), and the
 * records left over go one each to the sources with the largest remainders, ties to the source given first
 * (the largest-remainder, or Hamilton, method). So the count of every source is within one of total * rate.
 */
final class Allocation {

    private Allocation() {
    }

    static long[] of(long total, double[] rates) {
        long[] counts = new long[rates.length];
        double[] remainders = new double[rates.length];
        long given = 0;
        for (int i = 0; i < rates.length; i++) {
            double exact = total * rates[i];
            counts[i] = (long) Math.floor(exact + 1e-9);
            remainders[i] = exact - counts[i];
            given += counts[i];
        }
        for (long left = total - given; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < rates.length; i++) {
                if (rates[i] > 0 && (best < 0 || remainders[i] > remainders[best] + 1e-12)) {
                    best = i;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }

    /**
     * The default total: the largest one for which no source is asked for more records than it has (after its
     * cap), so that a mix without {@code --total} never repeats a record. For proportional mixing it is the sum of
     * the capped sizes.
     */
    static long largestWithoutRepeats(long[] sizes, double[] rates) {
        double bound = Double.MAX_VALUE;
        long sum = 0;
        for (int i = 0; i < sizes.length; i++) {
            sum += sizes[i];
            if (rates[i] > 0) {
                bound = Math.min(bound, sizes[i] / rates[i]);
            }
        }
        long total = (long) Math.min(sum, Math.floor(bound + 1e-9));
        while (total > 0 && !fits(of(total, rates), sizes)) {
            total--;
        }
        return total;
    }

    private static boolean fits(long[] counts, long[] sizes) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > sizes[i]) {
                return false;
            }
        }
        return true;
    }
}
