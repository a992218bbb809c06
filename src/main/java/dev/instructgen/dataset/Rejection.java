package dev.instructgen.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One line of rejected.jsonl: a candidate that did not make it into examples.jsonl. The engine writes it and a
 * resumed run reads it back through this one record; absent fields are left out of the line.
 *
 * @param id        the candidate's id (stable within the run)
 * @param stage     the stage whose filter rejected it, e.g. "instruction-generation", "evol-deepen"
 * @param reason    why, from the catalogue; counted per reason in stats.json
 * @param detail    human explanation, e.g. "ROUGE-L F1 0.812 > 0.70 with seed_task_12: ..."
 * @param parents   ids the candidate was generated from or shown with (none: empty)
 * @param createdAt when it was rejected, to the millisecond (written as ISO-8601 UTC, as in examples.jsonl)
 * @param score     the LLM judge's score of a {@code low_quality} candidate, else null (left out of the line)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "stage", "reason", "detail", "instruction", "input", "output", "parents", "created_at", "score"})
public record Rejection(
        @JsonProperty("id") String id,
        @JsonProperty("stage") String stage,
        @JsonProperty("reason") RejectionReason reason,
        @JsonProperty("detail") String detail,
        @JsonProperty("instruction") String instruction,
        @JsonProperty("input") String input,
        @JsonProperty("output") String output,
        @JsonProperty("parents") List<String> parents,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("score") Double score) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        parents = parents == null ? List.of() : List.copyOf(parents);
        createdAt = createdAt == null ? null : createdAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A rejection without a judge's score. */
    public Rejection(String id, String stage, RejectionReason reason, String detail, String instruction,
                     String input, String output, List<String> parents, Instant createdAt) {
        this(id, stage, reason, detail, instruction, input, output, parents, createdAt, null);
    }

    /** The {@code created_at} of a rejection made now: to the millisecond, as examples are stamped. */
    public static Instant now(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
