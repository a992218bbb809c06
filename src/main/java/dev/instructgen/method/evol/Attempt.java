package dev.instructgen.method.evol;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.text.Similarity;

import java.util.Map;

/** The outcome of evolving one instruction once: an accepted child, or an elimination with its rule. */
public sealed interface Attempt {

    EvolOperation operation();

    int round();

    /** Tokens spent on this attempt, whatever its outcome. */
    TokenUsage usage();

    /**
     * An evolution that passed every elimination rule.
     *
     * @param prompts stage to "template@sha" for provenance
     * @param novelty nearest accepted instruction when the novelty filter is on, else null
     */
    record Evolved(EvolOperation operation, int round, String instruction, String response,
                   Map<String, String> prompts, TokenUsage usage, Similarity novelty) implements Attempt {
    }

    /**
     * A failed evolution.
     *
     * @param reason      why, for rejected.jsonl and stats.json
     * @param instruction the evolved instruction, or the raw reply when it could not be used
     * @param response    the teacher's answer when one was requested, else null
     */
    record Eliminated(EvolOperation operation, int round, RejectionReason reason, String detail, String instruction,
                      String response, TokenUsage usage) implements Attempt {
    }
}
