package dev.instructgen.filter;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: the rejection inside a verdict that must be one. */
public final class Rejected {

    private Rejected() {
    }

    public static Verdict.Reject rejection(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Reject.class);
        return (Verdict.Reject) verdict;
    }

    /** The reason code of a rejection, as rejected.jsonl writes it. */
    public static String code(Verdict verdict) {
        return rejection(verdict).reason().code();
    }
}
