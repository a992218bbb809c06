package dev.instructgen.method.selfinstruct;

import dev.instructgen.filter.CandidateInstance;
import dev.instructgen.teacher.TokenUsage;

/**
 * An instance that passed the screen, on its way to the stages after instance generation (the LLM judge).
 *
 * @param n     its number within the task (the example id is task id + "-" + n)
 * @param usage    tokens spent on it so far
 * @param endpoint the pool endpoint whose reply it came from; null when the teacher is one endpoint
 */
record InstanceDraft(TaskCandidate task, CandidateInstance instance, int n, TokenUsage usage, String endpoint) {

    /** The same draft with {@code more} tokens spent on it. */
    InstanceDraft plus(TokenUsage more) {
        return new InstanceDraft(task, instance, n, usage.plus(more), endpoint);
    }
}
