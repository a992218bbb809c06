package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.Provenance;
import dev.instructgen.filter.CandidateInstance;
import dev.instructgen.teacher.TokenUsage;

/**
 * An instance that passed the screen, on its way to the stages after instance generation (the answer pass, the
 * LLM judge).
 *
 * @param n        its number within the task (the example id is task id + "-" + n)
 * @param usage    tokens spent on it so far
 * @param endpoint the pool endpoint whose reply it came from; null when the teacher is one endpoint
 * @param answer   who wrote its output when the answer pass did, else null
 */
record InstanceDraft(TaskCandidate task, CandidateInstance instance, int n, TokenUsage usage, String endpoint,
                     Provenance.Answer answer) {

    InstanceDraft(TaskCandidate task, CandidateInstance instance, int n, TokenUsage usage, String endpoint) {
        this(task, instance, n, usage, endpoint, null);
    }

    /** The same draft with more tokens spent on it. */
    InstanceDraft plus(TokenUsage more) {
        return new InstanceDraft(task, instance, n, usage.plus(more), endpoint, answer);
    }

    /** The draft with its output answered again by {@code by}. */
    InstanceDraft answered(String output, TokenUsage more, Provenance.Answer by) {
        return new InstanceDraft(task, new CandidateInstance(instance.input(), output), n, usage.plus(more),
                endpoint, by);
    }
}
