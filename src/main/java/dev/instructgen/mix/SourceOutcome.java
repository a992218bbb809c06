package dev.instructgen.mix;

import java.util.Map;

/**
 * What one source gave to the mix, for the card, stats.json and the console.
 *
 * @param size     records in the source
 * @param capped   min(size, cap): the size the strategy saw
 * @param rate     its share of the total by the strategy's formula
 * @param quota    round(total x rate) by the largest-remainder method: the count asked of it
 * @param distinct distinct records taken
 * @param repeated extra copies taken with --allow-repeat
 * @param lostTo   records dropped as duplicates, per source that kept the winner
 */
record SourceOutcome(String name, long size, long capped, double rate, long quota, long distinct, long repeated,
                     Map<String, Long> lostTo) {

    long count() {
        return distinct + repeated;
    }

    long lost() {
        return lostTo.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Asked for more than it could give after the dedup took its duplicates. */
    long shortBy() {
        return quota - count();
    }
}
