package dev.instructgen.pipeline.evol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of rejected.jsonl for a failed evolution: the rule that eliminated it ({@code reason}, {@code detail})
 * and where it sits in its lineage. The parent it was evolved from stays in the pool.
 *
 * @param parent the id of the instruction that was evolved (still the lineage's current instruction)
 * @param root   the lineage's input id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvolRejection(String reason, String detail, String stage, String instruction, String response,
                            String parent, String root, int round, String operation,
                            @JsonProperty("created_at") String createdAt) {

    public static final String STAGE = "evol-instruct";
}
