package dev.instructgen.pipeline;

import dev.instructgen.report.CardFacts;
import dev.instructgen.report.ReviewSummaryText;
import dev.instructgen.review.ReviewLedger;
import dev.instructgen.storage.StatsFile;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.teacher.pricing.Price;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gathers what DATASET_CARD.md states about a run from its context, its method and final counters: the same
 * snapshot that the final stats.json holds, so card and stats.json never disagree, and notes where the counts
 * need explaining.
 */
public final class DatasetCardFacts {

    private DatasetCardFacts() {
    }

    /** Without a real per-token price (a local teacher's zero) the card states $0 and a note says why. */
    public static CardFacts of(RunContext ctx, RunOutcome outcome, GenerationMethod method,
                               RunSession.Licensing licensing) {
        Price price = licensing.price();
        StatsFile stats = ctx.stats().snapshot(outcome);
        Instant startedAt = Instant.parse(stats.startedAt());
        Instant finishedAt = Instant.parse(stats.updatedAt());
        List<String> notes = new ArrayList<>(ctx.stats().notes());
        notes.addAll(explain(stats, startedAt, finishedAt));
        ReviewSummaryText.line(ReviewLedger.load(ctx.spec().out())).ifPresent(line -> notes.add(
                Character.toUpperCase(line.charAt(0)) + line.substring(1) + "."));
        dev.instructgen.report.BatchSummaryText.line(stats.sections()).ifPresent(line -> notes.add(
                "Sent through the Batch API (--batch): " + line + "; answers are priced at the batch rate."));
        boolean charged = price.isKnown() && price.basis() != Price.Basis.LOCAL;
        if (!charged) {
            notes.add("Estimated cost is $0: no per-token price applies to this teacher"
                    + (price.isKnown() ? " (" + price.basis().name().toLowerCase(Locale.ROOT) + ")" : "")
                    + "; give one under `prices` in the --config file to estimate it.");
        }
        return new CardFacts(ctx.spec().command(), ctx.runId(), ctx.identity(), licensing.terms(),
                licensing.policyVersion(), method.seedSources(), stats.proposed(), stats.accepted(),
                Map.of(method.id().code(), stats.accepted()), stats.rejected(),
                new TokenUsage(stats.tokens().prompt(), stats.tokens().completion()),
                stats.costUsd(), startedAt, finishedAt, method.displaySettings(ctx.spec()),
                ctx.licenseSummary(), List.of("en"), List.of(method.card()), notes, stats.quality().orElse(null));
    }

    /** Sentences for every identity of the counts that does not hold on its own. */
    static List<String> explain(StatsFile s, Instant startedAt, Instant finishedAt) {
        List<String> notes = new ArrayList<>();
        long judged = s.accepted() + s.rejectedTotal();
        if (s.proposed() > judged) {
            notes.add(s.proposed() + " proposed = " + s.accepted() + " accepted + " + s.rejectedTotal()
                    + " rejected + " + (s.proposed() - judged) + " not judged: still in flight when the run stopped,"
                    + " or not needed once the target was reached.");
        } else if (judged > s.proposed()) {
            notes.add(s.accepted() + " accepted + " + s.rejectedTotal() + " rejected exceed the " + s.proposed()
                    + " proposed by " + (judged - s.proposed()) + ": some examples were accepted without a proposal of"
                    + " their own (inputs kept as they were, or several instances of one instruction).");
        }
        StatsFile.Requests r = s.requests();
        long ended = r.succeeded() + r.retries() + r.failed();
        if (r.total() != ended) {
            notes.add(r.total() + " requests = " + r.succeeded() + " succeeded + " + r.retries() + " retried + "
                    + r.failed() + " failed for good + " + (r.total() - ended)
                    + " without an answer: in flight when the run stopped or was killed.");
        }
        double wall = Duration.between(startedAt, finishedAt).toMillis() / 1000.0;
        if (wall - s.elapsedSeconds() >= 1) {
            notes.add(String.format(Locale.ROOT, "The run was active for %s of the %s between start and finish "
                    + "(it was stopped and resumed); rates count active time only.",
                    ProgressLine.clock(s.elapsedSeconds()), ProgressLine.clock(wall)));
        }
        return notes;
    }
}
