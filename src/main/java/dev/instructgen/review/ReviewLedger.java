package dev.instructgen.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.error.BadInputException;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The decisions of reviews.jsonl folded into one state per record: what {@code export}, {@code stats}, the
 * dataset card and the report apply. Reading never writes, so it works beside a review page still saving.
 *
 * <p>Folding rule: the last accept or reject on an id decides whether the record stays; edits accumulate
 * (later fields win) and an edit also counts as keeping the record. A rejected-then-edited example is kept
 * with its edit; an edited-then-rejected one is left out.
 */
public final class ReviewLedger {

    private static final ReviewLedger EMPTY = new ReviewLedger(Map.of());

    private final Map<String, Review> examples;

    private ReviewLedger(Map<String, Review> examples) {
        this.examples = examples;
    }

    /** The effective state of one reviewed record. */
    public record Review(String id, String record, boolean kept, String reason, ReviewDecision.Edit edit,
                         String reviewedAt, int decisions) {

        Review then(ReviewDecision next) {
            boolean keep = next.decision() != ReviewDecision.Decision.REJECTED;
            ReviewDecision.Edit merged = next.edit() == null ? edit : next.edit().over(edit);
            return new Review(id, record, keep, keep ? null : next.reason(), merged, next.reviewedAt(),
                    decisions + 1);
        }

        /** "accepted", "rejected" or "edited" (kept with an edit). */
        public String status() {
            return !kept ? "rejected" : edit != null ? "edited" : "accepted";
        }
    }

    /** Where a scan of the journal stopped: just past its last valid line. */
    record Scan(long validEnd) {
    }

    /**
     * Reads {@code runDir/reviews.jsonl}; a run nobody reviewed has an empty ledger.
     *
     * @throws BadInputException when a line that is not the last one is not a valid decision
     */
    /** The ledger of a dataset file, which has no reviews.jsonl. */
    public static ReviewLedger none() {
        return EMPTY;
    }

    public static ReviewLedger load(Path runDir) {
        Map<String, Review> byKey = new LinkedHashMap<>();
        scan(runDir.resolve(ReviewJournal.FILE), decision -> byKey.merge(key(decision.record(), decision.id()),
                new Review(decision.id(), decision.record(), true, null, null, null, 0).then(decision),
                (earlier, ignored) -> earlier.then(decision)));
        return byKey.isEmpty() ? EMPTY : new ReviewLedger(Collections.unmodifiableMap(byKey));
    }

    /** The state of the example (or rejected candidate, with {@code record} "rejected") with this id. */
    public Optional<Review> review(String record, String id) {
        return Optional.ofNullable(examples.get(key(record, id)));
    }

    /** Every reviewed record, in the order first reviewed. */
    public Map<String, Review> all() {
        return examples;
    }

    /**
     * An accepted example as the reviewers left it: empty when they rejected it, its fields replaced by their
     * edit when they edited it, unchanged when nobody reviewed it.
     */
    public Optional<Example> apply(Example example) {
        Review review = examples.get(key(ReviewDecision.EXAMPLE, example.id()));
        if (review == null) {
            return Optional.of(example);
        }
        if (!review.kept()) {
            return Optional.empty();
        }
        ReviewDecision.Edit edit = review.edit();
        if (edit == null) {
            return Optional.of(example);
        }
        return Optional.of(new Example(example.id(),
                edit.instruction() != null ? edit.instruction() : example.instruction(),
                edit.input() != null ? edit.input() : example.input(),
                edit.output() != null ? edit.output() : example.output(),
                example.method(), example.taskId(), example.isClassification(), example.provenance(),
                example.license()));
    }

    /** Examples (not rejected candidates) a person has reviewed, by status. */
    public Map<String, Long> exampleCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("accepted", 0L);
        counts.put("rejected", 0L);
        counts.put("edited", 0L);
        for (Review review : examples.values()) {
            if (review.record().equals(ReviewDecision.EXAMPLE)) {
                counts.merge(review.status(), 1L, Long::sum);
            }
        }
        return counts;
    }

    static Scan scan(Path file, Consumer<ReviewDecision> sink) {
        int[] lineNumber = {0};
        long[] offset = {0};
        long[] validEnd = {0};
        String[] pendingError = {null};
        WholeLines.read(file, 0, line -> {
            lineNumber[0]++;
            offset[0] += line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1L;
            if (line.isBlank() && line.indexOf('\0') < 0) {
                if (pendingError[0] == null) {
                    validEnd[0] = offset[0];
                }
                return;
            }
            ReviewDecision decision;
            try {
                decision = parse(line);
            } catch (RuntimeException e) {
                if (pendingError[0] == null) {
                    pendingError[0] = file + ":" + lineNumber[0] + ": not a valid review decision ("
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")";
                }
                return;
            }
            if (pendingError[0] != null) {
                // Only the end of a journal can be damaged by a crash; a bad line in the middle is an edit.
                throw new BadInputException(pendingError[0] + "; the lines after it are valid, so this is not "
                        + "a crash artefact: fix or remove that line");
            }
            validEnd[0] = offset[0];
            sink.accept(decision);
        });
        return new Scan(validEnd[0]);
    }

    static ReviewDecision parse(String line) {
        try {
            ReviewDecision decision = JsonCodec.mapper().readValue(line, ReviewDecision.class);
            if (decision == null) {
                throw new IllegalArgumentException("empty line");
            }
            return decision;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    private static String key(String record, String id) {
        return record + "\u0000" + id;
    }
}
