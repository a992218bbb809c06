package dev.instructgen.method.evol;

import dev.instructgen.dataset.Provenance;
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
     * @param quality the LLM judge's verdict when one was asked ({@code --judge}), else null
     * @param endpoint the pool endpoint that wrote the response; null when the teacher is one endpoint
     */
    record Evolved(EvolOperation operation, int round, String instruction, String response,
                   Map<String, String> prompts, TokenUsage usage, Similarity novelty, Provenance.Quality quality,
                   String endpoint)
            implements Attempt {

        public Evolved(EvolOperation operation, int round, String instruction, String response,
                       Map<String, String> prompts, TokenUsage usage, Similarity novelty) {
            this(operation, round, instruction, response, prompts, usage, novelty, null, null);
        }

        public Evolved(EvolOperation operation, int round, String instruction, String response,
                       Map<String, String> prompts, TokenUsage usage, Similarity novelty,
                       Provenance.Quality quality) {
            this(operation, round, instruction, response, prompts, usage, novelty, quality, null);
        }

        /** The same evolution, its response written by the pool endpoint {@code answeredBy}. */
        public Evolved answeredBy(String answeredBy) {
            return new Evolved(operation, round, instruction, response, prompts, usage, novelty, quality,
                    answeredBy);
        }

        /** The same evolution, judged: the judge's template, tokens and verdict added. */
        public Evolved judged(String template, TokenUsage more, Provenance.Quality verdict) {
            Map<String, String> used = new java.util.LinkedHashMap<>(prompts);
            used.put("quality-judge", template);
            return new Evolved(operation, round, instruction, response, used, usage.plus(more), novelty, verdict,
                    endpoint);
        }
    }

    /**
     * A failed evolution.
     *
     * @param reason      why, for rejected.jsonl and stats.json
     * @param instruction the evolved instruction, or the raw reply when it could not be used
     * @param response    the teacher's answer when one was requested, else null
     * @param score       the LLM judge's score of a {@code low_quality} evolution, else null
     */
    record Eliminated(EvolOperation operation, int round, RejectionReason reason, String detail, String instruction,
                      String response, TokenUsage usage, Double score) implements Attempt {

        public Eliminated(EvolOperation operation, int round, RejectionReason reason, String detail,
                          String instruction, String response, TokenUsage usage) {
            this(operation, round, reason, detail, instruction, response, usage, null);
        }
    }
}
