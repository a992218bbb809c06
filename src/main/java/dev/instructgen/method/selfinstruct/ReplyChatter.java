package dev.instructgen.method.selfinstruct;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The chatter chat models put around an answer that is not part of it: a preamble line ("Sure! Here are two
 * examples:"), a closing remark ("Let me know if you would like more!") and a code fence around the whole
 * reply. Shared by the parsers of the Self-Instruct stages, which each decide where such lines may occur.
 */
final class ReplyChatter {

    /** A line that announces what follows instead of being part of it. */
    static final Pattern PREAMBLE = Pattern.compile(
            "^\\s*(?:\\*\\*)?(?:sure|here(?:'s| is| are)?|certainly|okay|ok|of course|below|absolutely|great|alright"
                    + "|happy to help)\\b.*", Pattern.CASE_INSENSITIVE);

    /** A line that closes the reply with an offer or a wish rather than content. */
    static final Pattern EPILOGUE = Pattern.compile(
            "^\\s*(?:let me know|i hope|hope (?:this|these|that)|feel free|would you like|do you want"
                    + "|these (?:tasks|examples|instances) (?:are|should|cover|can)"
                    + "|if you(?:'d| would)? (?:like|need|want)|i can (?:also )?(?:generate|provide|create|add|write)"
                    + "|happy to)\\b.*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern FENCE = Pattern.compile("^\\s*```[\\w-]*\\s*$");

    private ReplyChatter() {
    }

    /** The reply's lines, without a code fence that wraps the whole reply and without closing remarks. */
    static List<String> lines(String reply) {
        List<String> lines = new ArrayList<>(Arrays.asList(reply.strip().split("\\R", -1)));
        if (lines.size() >= 2 && FENCE.matcher(lines.get(0)).matches()
                && FENCE.matcher(lines.get(lines.size() - 1)).matches()) {
            lines = new ArrayList<>(lines.subList(1, lines.size() - 1));
        }
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            int end = lines.size();
            while (end > 0 && lines.get(end - 1).isBlank()) {
                end--;
            }
            int start = end;
            while (start > 0 && !lines.get(start - 1).isBlank()) {
                start--;
            }
            // the last paragraph when it opens with a closing remark, else only the last line when it is one
            int from = start < end && start > 0 && EPILOGUE.matcher(lines.get(start)).matches() ? start
                    : end > 0 && EPILOGUE.matcher(lines.get(end - 1)).matches() ? end - 1 : -1;
            if (from >= 0) {
                lines = new ArrayList<>(lines.subList(0, from));
                dropped = true;
            } else {
                lines = new ArrayList<>(lines.subList(0, end));
            }
        }
        return lines;
    }
}
