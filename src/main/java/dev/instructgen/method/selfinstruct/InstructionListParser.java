package dev.instructgen.method.selfinstruct;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the new instructions out of a reply to the instruction-generation prompt.
 *
 * <p>Models number their lists in many ways ("9.", "9)", "Task 9:", "**9.**", "- 9."), wrap them in chatter
 * ("Sure! Here are more tasks:" ... "Let me know if you need more") and, since the prompt ends with the next
 * number, sometimes start with the text of that item without its number. Each numbered line starts an item;
 * unnumbered lines continue the current item until a blank line or a field line ("Input:", "Output:") that
 * some models add under each item; text before the first item is kept as the
 * first item only when it does not read like a preamble. When the reply was cut off by the length limit the
 * last item is incomplete and is dropped, as Self-Instruct does (Wang et al. 2023, §2.2). Code fences and
 * markdown headings are layout; a closing remark ("Let me know if you would like more!") is not an item even
 * when it follows the last item without a blank line.
 *
 * <p>The prompt shows 8 tasks and the reference code stops generation before item 16, so one call yields at
 * most {@value #MAX_NEW_PER_CALL} new instructions. Servers that ignore {@code stop}, and models that number
 * their items in a way the stop sequence does not match ({@code **16.**}, {@code 16)}), go on; {@link #read}
 * keeps the first {@value #MAX_NEW_PER_CALL} items whatever the numbering and counts the rest as past the stop.
 */
public final class InstructionListParser {

    private static final Pattern NUMBERED = Pattern.compile(
            "^\\s*(?:[-*•]\\s*)?(?:\\*\\*|__)?\\s*(?:(?:task|instruction)\\s*#?\\s*)?\\(?(\\d{1,3})\\s*(?:[.):]|\\s-)"
                    + "\\s*(?:\\*\\*|__)?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PREAMBLE = Pattern.compile(
            "^(sure|here|certainly|okay|ok|of course|below|absolutely|great)\\b.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern EPILOGUE = Pattern.compile(
            "^\\s*(?:let me know|i hope|hope (?:this|these)|feel free|would you like|do you want|these (?:tasks|are)"
                    + "|if you(?:'d| would)? (?:like|need|want)|i can (?:also )?(?:generate|provide|create|add)"
                    + "|happy to)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LAYOUT = Pattern.compile("^\\s*(?:```.*|#{1,6}\\s.*|[-*_]{3,}\\s*)$");
    private static final Pattern LABEL = Pattern.compile("^(?:task|instruction)\\s*:\\s*", Pattern.CASE_INSENSITIVE);
    /** Fields some models add under an item (Alpaca style); they are not part of the instruction. */
    private static final Pattern FIELD = Pattern.compile(
            "^\\s*(?:[-*]\\s*)?(?:\\*\\*)?(?:input|output|answer|response|class label|example\\s*\\d*)"
                    + "\\s*(?:\\*\\*)?\\s*:.*$",
            Pattern.CASE_INSENSITIVE);

    /** Items 9 to 15 of the prompt's list: the most one call can add (reference code, stop before "16"). */
    public static final int MAX_NEW_PER_CALL = 7;

    /**
     * What one reply proposes.
     *
     * @param instructions the complete new instructions, at most {@value #MAX_NEW_PER_CALL}
     * @param cutOff       the last item of a reply cut off by the length limit (incomplete), or null
     * @param pastStop     items after the {@value #MAX_NEW_PER_CALL}th, which the prompt did not ask for
     */
    public record ListReply(List<String> instructions, String cutOff, int pastStop) {
    }

    /**
     * The reply read as the reference reads it: the incomplete last item of a cut-off reply apart, then no more
     * than {@value #MAX_NEW_PER_CALL} items.
     */
    public ListReply read(String reply, boolean cutOff) {
        List<String> all = parse(reply, false);
        String partial = null;
        if (cutOff && !all.isEmpty()) {
            partial = all.remove(all.size() - 1);
        }
        int pastStop = Math.max(0, all.size() - MAX_NEW_PER_CALL);
        List<String> kept = new ArrayList<>(all.subList(0, Math.min(all.size(), MAX_NEW_PER_CALL)));
        return new ListReply(kept, partial, pastStop);
    }

    /** All instructions in the reply, in order, trimmed and with markdown emphasis and labels removed. */
    public List<String> parse(String reply, boolean cutOff) {
        List<StringBuilder> items = new ArrayList<>();
        StringBuilder current = null;
        boolean sawNumbered = false;
        StringBuilder leading = new StringBuilder();
        for (String line : reply.split("\\R")) {
            Matcher m = NUMBERED.matcher(line);
            if (LAYOUT.matcher(line).matches()) {
                current = null;
            } else if (sawNumbered && EPILOGUE.matcher(line).matches()) {
                break;
            } else if (m.matches()) {
                sawNumbered = true;
                current = new StringBuilder(m.group(2).trim());
                items.add(current);
            } else if (line.isBlank() || FIELD.matcher(line).matches()) {
                current = null;
            } else if (current != null) {
                current.append(' ').append(line.trim());
            } else if (!sawNumbered) {
                leading.append(leading.length() == 0 ? "" : " ").append(line.trim());
            }
            // unnumbered text after a blank line, once the list started, is an epilogue: ignored
        }
        if (leading.length() > 0 && looksLikeAnItem(leading.toString())) {
            items.add(0, leading);
        }
        List<String> out = new ArrayList<>();
        for (StringBuilder item : items) {
            String clean = clean(item.toString());
            if (!clean.isEmpty()) {
                out.add(clean);
            }
        }
        if (cutOff && !out.isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    private static boolean looksLikeAnItem(String text) {
        String t = text.trim();
        return !t.endsWith(":") && !PREAMBLE.matcher(t).matches();
    }

    static String clean(String item) {
        String s = item.trim();
        s = LABEL.matcher(s).replaceFirst("");
        s = stripPair(s, "**");
        s = stripPair(s, "__");
        s = s.replace("**", "");
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("“") && s.endsWith("”"))) {
            s = s.substring(1, s.length() - 1);
        }
        return s.strip();
    }

    private static String stripPair(String s, String mark) {
        String t = s.strip();
        if (t.length() > 2 * mark.length() && t.startsWith(mark) && t.endsWith(mark)) {
            return t.substring(mark.length(), t.length() - mark.length());
        }
        return t;
    }

    /** Lower-cased, for callers that compare instructions loosely. */
    static String key(String instruction) {
        return instruction.toLowerCase(Locale.ROOT).strip();
    }
}
