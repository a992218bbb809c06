package dev.instructgen.filter.quality;

import dev.instructgen.error.BadInputException;

import java.util.Locale;

/** What happens to an example whose verdict cannot be read even after one retry ({@code --on-unreadable}). */
public enum OnUnreadable {
    /** Keep it, with a null score in provenance.quality. */
    KEEP,
    /** Reject it as {@code judge_unreadable} (the default: an example nobody vouched for does not count). */
    DROP;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OnUnreadable fromKey(String key) {
        for (OnUnreadable o : values()) {
            if (o.key().equals(key)) {
                return o;
            }
        }
        throw new BadInputException("--on-unreadable must be keep or drop, was '" + key + "'");
    }
}
