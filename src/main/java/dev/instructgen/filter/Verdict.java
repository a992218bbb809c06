package dev.instructgen.filter;

import dev.instructgen.dataset.RejectionReason;

import java.util.Objects;

/**
 * What a filter says about a candidate: {@link Accept}, or {@link Reject} with a reason from the catalogue (written
 * to rejected.jsonl as {@code reason}) and a human detail. Filters return verdicts; they do not throw.
 */
public sealed interface Verdict {

    /** The candidate passes this filter. */
    record Accept() implements Verdict {
    }

    /** The candidate is turned down; {@code detail} says what this candidate did, the reason's description why. */
    record Reject(RejectionReason reason, String detail) implements Verdict {
        public Reject {
            Objects.requireNonNull(reason, "a rejection needs a reason");
            Objects.requireNonNull(detail, "a rejection needs a detail");
        }
    }

    Accept ACCEPT = new Accept();

    static Verdict accept() {
        return ACCEPT;
    }

    static Verdict reject(RejectionReason reason, String detail) {
        return new Reject(reason, detail);
    }

    default boolean accepted() {
        return this instanceof Accept;
    }

    default boolean rejected() {
        return this instanceof Reject;
    }
}
