package dev.instructgen.mix;

import java.util.Locale;

/**
 * How a mix divides its total among the sources: each strategy gives every source a rate (the rates sum to 1).
 * {@code size} below is a source's record count after its cap, min(size, cap).
 *
 * <ul>
 *   <li>{@code proportional}: examples-proportional mixing with a per-dataset cap, rate proportional to
 *       min(size, cap) (Raffel et al. 2020, T5, section 3.5.2; the cap is their artificial dataset size limit K,
 *       which FLAN also uses so no dataset dominates);</li>
 *   <li>{@code temperature}: temperature-scaled mixing, rate proportional to min(size, cap)^(1/T) (T5, section
 *       3.5.2: T = 1 is proportional mixing, larger T moves towards equal mixing);</li>
 *   <li>{@code weights}: rate proportional to each source's {@code weight=} (1 when not given).</li>
 * </ul>
 */
public enum MixStrategy {
    PROPORTIONAL, TEMPERATURE, WEIGHTS;

    /** The rates of the sources, in source order; {@code sizes} are capped sizes. */
    double[] rates(long[] sizes, double[] weights, double temperature) {
        double[] raw = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            raw[i] = switch (this) {
                case PROPORTIONAL -> sizes[i];
                case TEMPERATURE -> Math.pow(sizes[i], 1.0 / temperature);
                case WEIGHTS -> sizes[i] == 0 ? 0 : weights[i];
            };
        }
        double sum = 0;
        for (double r : raw) {
            sum += r;
        }
        for (int i = 0; i < raw.length; i++) {
            raw[i] = sum == 0 ? 0 : raw[i] / sum;
        }
        return raw;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
