package dev.instructgen.method.evol;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The teacher's verdict on whether an evolved instruction gains anything over its parent (WizardLM, section 3.3,
 * case 1: an Equal / Not Equal comparison of constraints, requirements, depth and breadth).
 */
public enum EqualityAnswer {
    EQUAL,
    NOT_EQUAL,
    /** Neither word found: we do not eliminate on an answer we cannot read. */
    UNCLEAR;

    private static final Pattern NON_LETTERS = Pattern.compile("[^a-z]+");

    private static final Pattern SAYS_NOT_EQUAL = Pattern.compile("\\b(not equal|unequal|not the same|different)\\b");

    private static final Pattern SAYS_EQUAL = Pattern.compile("\\b(equal|the same|same)\\b");

    /**
     * Reads the judge's reply. "Not Equal" is looked for first because it contains "Equal"; hyphens, case and
     * surrounding words ("Answer: Not equal.") do not matter. "Unequal" and "different" count as not equal.
     */
    public static EqualityAnswer parse(String reply) {
        String t = reply == null ? "" : NON_LETTERS.matcher(reply.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        if (SAYS_NOT_EQUAL.matcher(t).find()) {
            return NOT_EQUAL;
        }
        if (SAYS_EQUAL.matcher(t).find()) {
            return EQUAL;
        }
        return UNCLEAR;
    }
}
