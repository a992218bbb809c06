package dev.instructgen.teacher;

import java.util.Locale;

/** Kinds of transient failure, counted separately in stats.json. */
public enum FaultKind {
    RATE_LIMITED,
    SERVER_ERROR,
    TIMEOUT,
    CONNECTION,
    MALFORMED_RESPONSE,
    EMPTY_CONTENT;

    /** The key used in stats.json, e.g. "rate_limited". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
