package dev.instructgen.method.selfinstruct;

import dev.instructgen.text.ReasoningBlocks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The answer pass's reply cleaned into an output: chat models put a reasoning block before the answer, announce
 * it ("Sure! Here is the answer:") and close with an offer ("Let me know if you need anything else!"). None of
 * that is part of the answer the example should teach. Only whole lines are removed, and only an announcement
 * on a line of its own followed by more text: "Sure, Paris is the capital." stays as it is, and so does a code
 * fence, which in an answer is content.
 */
final class AnswerText {

    /**
     * A first line that only announces what follows: an interjection with its punctuation ("Sure!",
     * "Certainly, here you go."), or a "here is ..." / "below is ..." line ending with a colon.
     */
    private static final Pattern ANNOUNCEMENT = Pattern.compile(
            "^[\\s*_#]*(?:(?:sure|certainly|okay|ok|of course|absolutely|great|alright|happy to help)\\s*[!,.].*"
                    + "|(?:here(?:'s| is| are)|below is|the following is)\\b.*:[\\s*_]*)$",
            Pattern.CASE_INSENSITIVE);

    private AnswerText() {
    }

    /** The answer without reasoning, announcement and closing remarks; blank when nothing else was there. */
    static String clean(String reply) {
        String visible = ReasoningBlocks.strip(reply == null ? "" : reply).strip();
        List<String> lines = new ArrayList<>(Arrays.asList(visible.split("\\R", -1)));
        int first = 0;
        while (first < lines.size() - 1 && ANNOUNCEMENT.matcher(lines.get(first)).matches()
                && lines.subList(first + 1, lines.size()).stream().anyMatch(l -> !l.isBlank())) {
            first++;
        }
        lines = new ArrayList<>(lines.subList(first, lines.size()));
        dropClosingRemarks(lines);
        return String.join("\n", lines).strip();
    }

    /** The last paragraph when it opens with a closing remark, else the last line when it is one; repeated. */
    private static void dropClosingRemarks(List<String> lines) {
        while (true) {
            int end = lines.size();
            while (end > 0 && lines.get(end - 1).isBlank()) {
                end--;
            }
            int start = end;
            while (start > 0 && !lines.get(start - 1).isBlank()) {
                start--;
            }
            int from = start > 0 && start < end && ReplyChatter.EPILOGUE.matcher(lines.get(start)).matches() ? start
                    : end > 1 && ReplyChatter.EPILOGUE.matcher(lines.get(end - 1)).matches() ? end - 1 : -1;
            if (from <= 0) {
                return;
            }
            lines.subList(from, lines.size()).clear();
        }
    }
}
