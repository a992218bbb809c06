package dev.instructgen.teacher;

/** Why the teacher stopped generating. */
public enum FinishReason {
    /** natural end or a stop sequence */
    STOP,
    /** the max_tokens limit cut the text off */
    LENGTH,
    /** the provider's content filter intervened */
    CONTENT_FILTER,
    /** anything else, or not reported */
    OTHER
}
