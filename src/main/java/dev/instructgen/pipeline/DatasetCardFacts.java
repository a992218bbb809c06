package dev.instructgen.pipeline;

import dev.instructgen.storage.StatsFile;

import dev.instructgen.report.CardFacts;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.teacher.pricing.Price;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Gathers what DATASET_CARD.md states about a run from its context and final counters. */
public final class DatasetCardFacts {

    private DatasetCardFacts() {
    }

    /**
     * @param method          the example method of the run's accepted examples ("self-instruct", ...)
     * @param displaySettings the settings worth stating, as display strings
     * @param price           the teacher's price; the card states a cost only when it is a real per-token price
     */
    public static CardFacts of(RunContext ctx, RunOutcome outcome, String method, TeacherTerms terms,
                               String policyVersion, List<SeedSource> seeds, Map<String, String> displaySettings,
                               Price price) {
        StatsFile stats = ctx.stats().snapshot(outcome);
        boolean charged = price.isKnown() && price.basis() != Price.Basis.LOCAL;
        return new CardFacts(ctx.spec().command(), ctx.runId(), ctx.identity(), terms, policyVersion, seeds,
                stats.proposed(), stats.accepted(), Map.of(method, stats.accepted()), stats.rejected(),
                new TokenUsage(stats.tokens().prompt(), stats.tokens().completion()),
                charged ? stats.costUsd() : null, Instant.parse(stats.startedAt()), ctx.clock().instant(),
                displaySettings, ctx.licenseSummary(), List.of("en"));
    }
}
