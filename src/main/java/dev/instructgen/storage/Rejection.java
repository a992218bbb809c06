package dev.instructgen.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Objects;

/**
 * One line of rejected.jsonl: a candidate that did not make it into examples.jsonl.
 *
 * @param id          candidate id (unique within the run when the engine assigned one)
 * @param stage       pipeline stage that rejected it, e.g. "instruction-filter", "novelty"
 * @param reason      machine-readable reason code, e.g. "rouge-l-too-similar"; counted per reason
 * @param detail      human explanation, e.g. "ROUGE-L 0.82 >= 0.70 against seed_task_12"
 * @param parents     ids the candidate was generated from
 * @param createdAt   ISO-8601 UTC
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(
        @JsonProperty("id") String id,
        @JsonProperty("stage") String stage,
        @JsonProperty("reason") String reason,
        @JsonProperty("detail") String detail,
        @JsonProperty("instruction") String instruction,
        @JsonProperty("input") String input,
        @JsonProperty("output") String output,
        @JsonProperty("parents") List<String> parents,
        @JsonProperty("created_at") String createdAt) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        parents = parents == null ? null : List.copyOf(parents);
    }
}
