package dev.instructgen.report;

import dev.instructgen.review.ReviewLedger;

import java.util.Map;
import java.util.Optional;

/**
 * The one line that `stats` and the dataset card give human review (issue 16): how many examples a person
 * accepted, rejected and edited in reviews.jsonl, and what export does with them. Nothing when nobody reviewed.
 */
public final class ReviewSummaryText {

    private ReviewSummaryText() {
    }

    public static Optional<String> line(ReviewLedger reviews) {
        Map<String, Long> counts = reviews.exampleCounts();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return Optional.empty();
        }
        return Optional.of(total + " examples reviewed by a person (reviews.jsonl): " + counts.get("accepted")
                + " accepted, " + counts.get("rejected") + " rejected, " + counts.get("edited") + " edited; export"
                + " and mix leave the rejected out and apply the edits");
    }
}
