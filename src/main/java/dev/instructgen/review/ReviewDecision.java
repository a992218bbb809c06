package dev.instructgen.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * One line of reviews.jsonl: a person's decision on one record of the run. The journal is append-only; the
 * last decision on an id is the one in force (see {@link ReviewLedger}).
 *
 * @param id         id of the example (or rejected candidate) reviewed
 * @param record     which journal it came from: "example" (examples.jsonl) or "rejected" (rejected.jsonl)
 * @param decision   accepted, rejected or edited
 * @param reason     why it was rejected (required then), or a note
 * @param edit       the corrected fields, only on "edited"
 * @param reviewedAt ISO-8601 UTC
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewDecision(
        @JsonProperty("id") String id,
        @JsonProperty("record") String record,
        @JsonProperty("decision") Decision decision,
        @JsonProperty("reason") String reason,
        @JsonProperty("edit") Edit edit,
        @JsonProperty("reviewed_at") String reviewedAt) {

    public static final String EXAMPLE = "example";
    public static final String REJECTED = "rejected";

    public ReviewDecision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(decision, "decision");
        record = record == null ? EXAMPLE : record;
        if (!record.equals(EXAMPLE) && !record.equals(REJECTED)) {
            throw new IllegalArgumentException("record must be \"example\" or \"rejected\", not \"" + record + "\"");
        }
        if (decision == Decision.REJECTED && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
        if (decision == Decision.EDITED && edit == null) {
            throw new IllegalArgumentException("an edit needs the edited fields");
        }
        if (decision != Decision.EDITED) {
            edit = null;
        }
    }

    /** What the reviewer decided. */
    public enum Decision {
        @JsonProperty("accepted") ACCEPTED,
        @JsonProperty("rejected") REJECTED,
        @JsonProperty("edited") EDITED
    }

    /** Corrected text; a null field is left as it was. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Edit(@JsonProperty("instruction") String instruction,
                       @JsonProperty("input") String input,
                       @JsonProperty("output") String output) {

        /** This edit laid over an earlier one: fields set here win. */
        Edit over(Edit earlier) {
            if (earlier == null) {
                return this;
            }
            return new Edit(instruction != null ? instruction : earlier.instruction,
                    input != null ? input : earlier.input,
                    output != null ? output : earlier.output);
        }
    }
}
