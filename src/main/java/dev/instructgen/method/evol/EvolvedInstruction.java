package dev.instructgen.method.evol;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The teacher's rewrite, cleaned for use as an instruction.
 *
 * <p>Models often put a heading in front of their answer ("#Rewritten Prompt#:", "Rewritten Prompt:",
 * "New instruction:"). The paper eliminates evolutions that copy words of the evolving prompt (WizardLM,
 * section 3.3, case 4). We treat one lone leading label, followed by a real body, as formatting rather than
 * content: we strip it and record that we did ({@link #labelStripped}), then run the leak check on what is
 * left, so a leak anywhere in the body is still eliminated. A reply that is nothing but a label is empty.
 *
 * @param text          the instruction without a leading label, trimmed
 * @param labelStripped whether a leading label was removed
 * @param strippedLabel the label removed, or empty
 */
public record EvolvedInstruction(String text, boolean labelStripped, String strippedLabel) {

    /**
     * A heading at the very start: optional markdown hashes/asterisks, optional "the", a word saying the text is
     * the result ("rewritten", "new", "created", "evolved", "improved", "revised", "updated", "modified", "more
     * complex", "harder"), then "prompt", "instruction", "task", "question" or "version", optional closing
     * hashes/asterisks, then a colon or a line break. "#The Given Prompt#" is not a heading of the answer but a
     * copy of the input's label, so it is left for the leak filter.
     */
    private static final Pattern LEADING_LABEL = Pattern.compile(
            "\\A[\\s#*_>\"]*(?:the\\s+)?(?:rewritten|new|created|evolved|improved|revised|updated|modified"
                    + "|more\\s+complex|harder)\\s+(?:prompt|instruction|task|question|version)"
                    + "[\\s#*_\"]*(?::|\\R)[\\s*_]*",
            Pattern.CASE_INSENSITIVE);

    public static EvolvedInstruction parse(String reply) {
        String text = unwrapDelimiters(reply == null ? "" : reply.strip());
        Matcher m = LEADING_LABEL.matcher(text);
        if (m.find()) {
            String rest = text.substring(m.end()).strip();
            return new EvolvedInstruction(rest, true, m.group().strip());
        }
        return new EvolvedInstruction(text, false, "");
    }

    /** Our templates fence the request in {@code <<<} and {@code >>>}; a model may echo the fence. */
    private static String unwrapDelimiters(String text) {
        if (text.startsWith("<<<") && text.endsWith(">>>") && text.length() >= 6) {
            return text.substring(3, text.length() - 3).strip();
        }
        return text;
    }

    public boolean isEmpty() {
        return text.isBlank();
    }
}
