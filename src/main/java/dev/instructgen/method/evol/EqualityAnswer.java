package dev.instructgen.method.evol;

import dev.instructgen.text.ReasoningBlocks;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The teacher's verdict on whether an evolved instruction gains anything over its parent (WizardLM, section 3.3,
 * case 1: an Equal / Not Equal comparison of constraints, requirements, depth and breadth).
 */
public enum EqualityAnswer {
    EQUAL,
    NOT_EQUAL,
    /** No verdict found: we do not eliminate on an answer we cannot read, but we count it. */
    UNCLEAR;

    private static final Pattern NON_LETTERS = Pattern.compile("[^a-z]+");

    /**
     * Every way we have seen a judge say either verdict, the negated forms first in the alternation so that at the
     * position of "not equal" the negation wins over the "equal" inside it.
     */
    private static final Pattern VERDICT = Pattern.compile("\\b(?:(?<not>not (?:exactly )?(?:equal|equivalent"
            + "|the same|identical)|unequal|inequivalent|non equivalent|different|differ|differs)"
            + "|(?<yes>equal|equivalent|the same|identical))\\b");

    /**
     * Reads the judge's reply: reasoning blocks are removed, then the first verdict phrase counts, whatever the
     * case, markdown or words around it ("**Not Equal**", "Not equivalent.", "The two requests are not equal",
     * "Answer: Equal"). The first rather than any: a judge that explains itself after the verdict ("Equal. Neither
     * adds a different requirement") meant its first word.
     */
    public static EqualityAnswer parse(String reply) {
        String visible = ReasoningBlocks.strip(reply == null ? "" : reply);
        String t = NON_LETTERS.matcher(visible.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
        Matcher m = VERDICT.matcher(t);
        if (!m.find()) {
            return UNCLEAR;
        }
        return m.group("not") != null ? NOT_EQUAL : EQUAL;
    }
}
