package dev.instructgen.filter;

import dev.instructgen.dataset.RejectionReason;

/**
 * Rejects instructions whose first character is not a letter. Self-Instruct's reference code drops those starting
 * with a character of Python's {@code string.punctuation} (usually list debris or a cut-off fragment) and those
 * starting with a non-ASCII character (to keep the data English). We go one step further and also reject a
 * leading digit, which after list parsing is almost always leftover numbering ("2) Describe...").
 */
public final class LeadingCharacterFilter implements Filter<String> {

    public static final RejectionReason STARTS_WITH_PUNCTUATION = RejectionReason.STARTS_WITH_PUNCTUATION;
    public static final RejectionReason STARTS_WITH_NON_LETTER = RejectionReason.STARTS_WITH_NON_LETTER;

    /** Python's string.punctuation. */
    private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    @Override
    public Verdict check(String instruction) {
        String text = instruction.strip();
        if (text.isEmpty()) {
            return Verdict.reject(STARTS_WITH_NON_LETTER, "the instruction is empty");
        }
        int first = text.codePointAt(0);
        String shown = new String(Character.toChars(first));
        if (first < 128 && ASCII_PUNCTUATION.indexOf(first) >= 0) {
            return Verdict.reject(STARTS_WITH_PUNCTUATION, "starts with the punctuation '" + shown + "'");
        }
        boolean asciiLetter = (first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z');
        if (!asciiLetter) {
            String kind = first >= 128 ? "the non-ASCII character" : "the non-letter";
            return Verdict.reject(STARTS_WITH_NON_LETTER, "starts with " + kind + " '" + shown + "'");
        }
        return Verdict.accept();
    }
}
