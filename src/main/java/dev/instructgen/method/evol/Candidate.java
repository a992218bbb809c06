package dev.instructgen.method.evol;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.teacher.TokenUsage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An evolution on its way through the stages (rewrite, judge, answer): the lineage it belongs to, the round and
 * operation, the rewritten instruction, the templates used so far and the tokens spent so far.
 */
public record Candidate(Lineage lineage, int round, EvolOperation operation, String instruction,
                        Map<String, String> prompts, TokenUsage usage) {

    public Candidate {
        prompts = Map.copyOf(prompts);
    }

    /** Id the candidate gets in examples.jsonl or rejected.jsonl: one per lineage and round. */
    public String id() {
        return lineage.childId(round);
    }

    Candidate after(String promptStage, String promptId, TokenUsage spent) {
        Map<String, String> p = new LinkedHashMap<>(prompts);
        p.put(promptStage, promptId);
        return new Candidate(lineage, round, operation, instruction, p, usage.plus(spent));
    }

    Candidate withInstruction(String text) {
        return new Candidate(lineage, round, operation, text, prompts, usage);
    }

    Attempt.Eliminated eliminated(RejectionReason reason, String detail, String text, String response) {
        return new Attempt.Eliminated(operation, round, reason, detail, text, response, usage);
    }
}
