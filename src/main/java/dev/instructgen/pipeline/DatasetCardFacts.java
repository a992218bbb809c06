package dev.instructgen.pipeline;

import dev.instructgen.report.CardFacts;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.teacher.pricing.Price;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Gathers what DATASET_CARD.md states about a run from its context, its method and final counters. */
public final class DatasetCardFacts {

    private DatasetCardFacts() {
    }

    /** The card states a cost only when the price is a real per-token price (not a local teacher's zero). */
    public static CardFacts of(RunContext ctx, RunOutcome outcome, GenerationMethod method,
                               RunSession.Licensing licensing) {
        StatsSnapshot stats = ctx.stats().snapshot(outcome);
        Price price = licensing.price();
        boolean charged = price.isKnown() && price.basis() != Price.Basis.LOCAL;
        return new CardFacts(ctx.spec().command(), ctx.runId(), ctx.identity(), licensing.terms(),
                licensing.policyVersion(), method.seedSources(), stats.proposed(), stats.accepted(),
                Map.of(method.id().code(), stats.accepted()), stats.rejected(),
                new TokenUsage(stats.tokens().prompt(), stats.tokens().completion()),
                charged ? stats.costUsd() : null, Instant.parse(stats.startedAt()), ctx.clock().instant(),
                method.displaySettings(ctx.spec()), ctx.licenseSummary(), List.of("en"), List.of(method.card()));
    }
}
