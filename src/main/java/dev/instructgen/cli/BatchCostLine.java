package dev.instructgen.cli;

import dev.instructgen.teacher.pricing.Price;

import java.util.Locale;
import java.util.Optional;

/**
 * The dry run's line for the Batch API cost, beside the synchronous estimate the method prints. The estimate's
 * tokens are not split by the time they get here, so the batch cost scales the synchronous one by the rates'
 * ratio; when input and output are discounted differently, by the smaller discount, so it is an upper bound.
 */
final class BatchCostLine {

    private BatchCostLine() {
    }

    static Optional<String> of(Double synchronousCost, Price synchronous, Price batch) {
        if (synchronousCost == null || !synchronous.isKnown() || !batch.isKnown()) {
            return Optional.empty();
        }
        double in = ratio(batch.inputPerMillion(), synchronous.inputPerMillion());
        double out = ratio(batch.outputPerMillion(), synchronous.outputPerMillion());
        double factor = Math.max(in, out);
        String bound = in == out ? "" : "at most ";
        return Optional.of(String.format(Locale.ROOT, "  %-18s%s$%.2f (--batch: Batch API rate, %.0f%% of the "
                + "synchronous one)", "cost with --batch", bound, synchronousCost * factor, factor * 100));
    }

    /** The estimate's text with the batch line right after its "estimated cost" line (else at its end). */
    static String insertInto(String estimate, String line) {
        int at = estimate.indexOf("  estimated cost");
        int end = at < 0 ? -1 : estimate.indexOf('\n', at);
        if (end < 0) {
            return estimate + line + System.lineSeparator();
        }
        return estimate.substring(0, end + 1) + line + "\n" + estimate.substring(end + 1);
    }

    private static double ratio(double batch, double synchronous) {
        return synchronous == 0 ? 1.0 : batch / synchronous;
    }
}
