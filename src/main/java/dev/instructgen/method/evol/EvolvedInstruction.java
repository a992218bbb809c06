package dev.instructgen.method.evol;

import dev.instructgen.text.ReasoningBlocks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The teacher's rewrite, cleaned for use as an instruction.
 *
 * <p>Chat models wrap the rewrite: a reasoning block, an announcement ("Sure! Here is the rewritten prompt:"),
 * a heading ("#Rewritten Prompt#:", "New instruction:"), a code fence or quotes around the whole, and a remark
 * after it ("(Added one constraint.)", "This version adds a word limit."). The paper eliminates evolutions that
 * copy words of the evolving prompt (WizardLM, section 3.3, case 4). We treat such wrapping as formatting
 * rather than content: we strip it, record that we did ({@link #labelStripped}), then run the leak check on what
 * is left, so a leak anywhere in the body is still eliminated. A reply that is nothing but a label is empty.
 *
 * @param text          the instruction without its wrapping, trimmed
 * @param labelStripped whether a leading label or announcement was removed
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
                    + "|more\\s+complex|harder)\\s+(?:prompt|instruction|task|question|version|request)"
                    + "[\\s#*_\"]*(?::|\\R)[\\s*_]*",
            Pattern.CASE_INSENSITIVE);

    /**
     * A first line that announces the answer instead of being it, then a line break: an interjection with its
     * punctuation ("Sure!", "Certainly, here it is."), or "here is ..." ending with a colon. "Great Barrier Reef"
     * is no interjection: the punctuation is required.
     */
    private static final Pattern ANNOUNCEMENT = Pattern.compile(
            "\\A[\\s*_#]*(?:(?:sure|certainly|okay|ok|of course|absolutely|great|alright|got it)\\s*[!,.][^\\n]*"
                    + "|(?:here(?:'s| is| are)|below is|the following is|this is|i(?:'ve| have) (?:rewritten|made"
                    + "|created|written))\\b[^\\n]*:[\\s*_]*)\\R+", Pattern.CASE_INSENSITIVE);

    /**
     * A last parenthesis after a sentence, or a last line, that describes the change or offers more rather than
     * asking anything: "(Added one constraint.)", "(18 words added)", "This version adds a word limit.",
     * "Changes: ...", "Let me know if you want it harder!". A "Note:" line is left alone: it may be the constraint.
     */
    private static final Pattern TRAILING_REMARK = Pattern.compile(
            "(?:(?<=[.!?:\\])\"'])\\s*|\\R\\s*)\\((?:added|adds|i added|i've added|this adds|this version"
                    + "|new constraint|constraint added|changes?|rewritten|\\d+ (?:new |added )?words)\\b[^()]*\\)\\s*\\z"
                    + "|\\R\\s*(?:\\*{0,2}(?:explanation|changes?(?: made)?)\\*{0,2}\\s*:|this (?:version|rewrite"
                    + "|revised (?:prompt|version|request)|new (?:prompt|version|request)|rewritten (?:prompt|version"
                    + "|request)) (?:adds|now|introduces|requires|keeps|makes|asks)|i(?:'ve| have)? (?:added|introduced"
                    + "|made)\\b|let me know|i hope|feel free|hope this)[^\\n]*\\s*\\z",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern FENCE = Pattern.compile("\\A```[\\w-]*\\s*\\R(.*?)\\R\\s*```\\z", Pattern.DOTALL);

    public static EvolvedInstruction parse(String reply) {
        String text = unwrap(ReasoningBlocks.strip(reply == null ? "" : reply).strip());
        String removed = "";
        Matcher a = ANNOUNCEMENT.matcher(text);
        if (a.find() && !text.substring(a.end()).isBlank()) {
            removed = a.group().strip();
            text = unwrap(text.substring(a.end()).strip());
        }
        Matcher m = LEADING_LABEL.matcher(text);
        if (m.find()) {
            removed = (removed + " " + m.group().strip()).strip();
            text = text.substring(m.end()).strip();
        }
        text = unwrap(stripTrailingRemarks(text));
        return new EvolvedInstruction(text, !removed.isEmpty(), removed);
    }

    private static String stripTrailingRemarks(String text) {
        String t = text;
        for (int i = 0; i < 3; i++) {
            Matcher r = TRAILING_REMARK.matcher(t);
            if (!r.find() || r.start() == 0) {
                break;
            }
            t = t.substring(0, r.start()).strip();
        }
        return t;
    }

    /**
     * Our templates fence the request in {@code <<<} and {@code >>>}; a model may echo the fence, wrap the whole
     * rewrite in a code fence or in quotation marks.
     */
    private static String unwrap(String text) {
        String t = text.strip();
        if (t.startsWith("<<<") && t.endsWith(">>>") && t.length() >= 6) {
            t = t.substring(3, t.length() - 3).strip();
        }
        Matcher f = FENCE.matcher(t);
        if (f.matches()) {
            t = f.group(1).strip();
        }
        if (t.length() > 2 && (t.startsWith("\"") && t.endsWith("\"") && t.indexOf('"', 1) == t.length() - 1
                || t.startsWith("“") && t.endsWith("”") && t.indexOf('”') == t.length() - 1)) {
            t = t.substring(1, t.length() - 1).strip();
        }
        return t;
    }

    public boolean isEmpty() {
        return text.isBlank();
    }
}
