package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.Provenance;
import dev.instructgen.filter.CandidateInstance;
import dev.instructgen.teacher.TokenUsage;

/**
 * An instance that passed the screen, on its way to the stages after instance generation (the answer pass, the
 * LLM judge).
 *
 * @param n      its number within the task (the example id is task id + "-" + n)
 * @param usage  tokens spent on it so far
 * @param answer who wrote its output when the answer pass did, else null
 */
record InstanceDraft(TaskCandidate task, CandidateInstance instance, int n, TokenUsage usage,
                     Provenance.Answer answer) {

    InstanceDraft(TaskCandidate task, CandidateInstance instance, int n, TokenUsage usage) {
        this(task, instance, n, usage, null);
    }

    /** The same draft with more tokens spent on it. */
    InstanceDraft plus(TokenUsage more) {
        return new InstanceDraft(task, instance, n, usage.plus(more), answer);
    }

    /** The draft with its output answered again by {@code by}. */
    InstanceDraft answered(String output, TokenUsage more, Provenance.Answer by) {
        return new InstanceDraft(task, new CandidateInstance(instance.input(), output), n, usage.plus(more), by);
    }
}
