package dev.instructgen.filter;

import java.util.Objects;

/**
 * What a filter says about a candidate: accepted, or rejected with a machine-readable reason code (written to
 * rejected.jsonl as {@code reason}) and a human detail. Filters return verdicts; they do not throw.
 */
public record Verdict(boolean accepted, String reason, String detail) {

    private static final Verdict ACCEPT = new Verdict(true, null, null);

    public Verdict {
        if (!accepted) {
            Objects.requireNonNull(reason, "a rejection needs a reason code");
            Objects.requireNonNull(detail, "a rejection needs a detail");
        }
    }

    public static Verdict accept() {
        return ACCEPT;
    }

    public static Verdict reject(String reason, String detail) {
        return new Verdict(false, reason, detail);
    }

    public boolean rejected() {
        return !accepted;
    }
}
