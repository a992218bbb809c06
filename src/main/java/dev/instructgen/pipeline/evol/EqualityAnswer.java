package dev.instructgen.pipeline.evol;

import java.util.Locale;

/**
 * The teacher's verdict on whether an evolved instruction gains anything over its parent (WizardLM, section 3.3,
 * case 1: an Equal / Not Equal comparison of constraints, requirements, depth and breadth).
 */
public enum EqualityAnswer {
    EQUAL,
    NOT_EQUAL,
    /** Neither word found: we do not eliminate on an answer we cannot read. */
    UNCLEAR;

    /**
     * Reads the judge's reply. "Not Equal" is looked for first because it contains "Equal"; hyphens, case and
     * surrounding words ("Answer: Not equal.") do not matter. "Unequal" and "different" count as not equal.
     */
    public static EqualityAnswer parse(String reply) {
        String t = reply == null ? "" : reply.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").trim();
        if (t.matches(".*\\b(not equal|unequal|not the same|different)\\b.*")) {
            return NOT_EQUAL;
        }
        if (t.matches(".*\\b(equal|the same|same)\\b.*")) {
            return EQUAL;
        }
        return UNCLEAR;
    }
}
