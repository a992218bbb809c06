package dev.instructgen.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps a teacher that answers in exactly the format our prompts ask for, and dresses each reply the way real
 * chat models do (issue 11): a {@code <think>} block first, a preamble ("Sure! Here are some more tasks:"),
 * markdown numbering ({@code **9.**}, {@code 10)}), a list that goes on past item 15 as if the server ignored
 * {@code stop}, bold field labels, verbose verdicts ("The two requests are not equal."), an announcement before
 * a rewrite and a remark after it, and a closing "Let me know if you would like more!". Every dressing carries
 * a word from {@link #MARKERS}, so a test can check that none of it reached the data. Recognises each stage by
 * a phrase of its template, as the synthetic teachers do.
 */
public final class DressingTeacher implements Function<String, String> {

    /** Words that appear only in dressing, never in the plain replies of the synthetic teachers. */
    public static final List<String> MARKERS = List.of("Sure", "Let me know", "<think>", "</think>", "surplus",
            "Added one constraint", "**", "rewritten prompt", "Here is", "reasoning aloud");

    private static final Pattern ITEM = Pattern.compile("(?m)^(\\d+)\\. ");

    private final Function<String, String> plain;
    private final AtomicLong calls = new AtomicLong();

    public DressingTeacher(Function<String, String> plain) {
        this.plain = plain;
    }

    @Override
    public String apply(String prompt) {
        String reply = plain.apply(prompt);
        long n = calls.incrementAndGet();
        String think = "<think>\nI am reasoning aloud about this request first.\n1. Not an item.\n</think>\n\n";
        if (prompt.contains("Continue the numbered list")) {
            return think + list(reply, n);
        }
        if (prompt.stripTrailing().endsWith("Classification:")) {
            return think + (n % 2 == 0 ? "**" + reply.strip() + "**" : "Classification: " + reply.strip() + ".");
        }
        if (prompt.contains("Class label:") || prompt.contains("Write examples for a task")) {
            return think + "Sure! Here is what you asked for:\n\n" + reply.replace("Example 1", "**Example 1**")
                    .replace("Class label:", "**Class label:**").replace("Input:", "**Input:**")
                    .replace("Output:", "**Output:**") + "\n\nLet me know if you would like more examples!";
        }
        if (prompt.contains("decide whether they are equivalent")) {
            boolean equal = reply.strip().equals("Equal");
            return think + switch ((int) (n % 3)) {
                case 0 -> equal ? "**Equal**" : "**Not Equal**";
                case 1 -> equal ? "They are equivalent." : "The two requests are not equal.";
                default -> equal ? "Equal." : "Not equivalent.";
            };
        }
        if (prompt.contains("Rewrite it into a harder version") || prompt.contains("invent a brand-new request")) {
            return think + "Sure! Here is the rewritten prompt:\n\n" + reply.strip() + "\n\n(Added one constraint.)";
        }
        return think + reply;
    }

    /** Bold and parenthesised numbers, a preamble, three items past the stop and a closing remark. */
    private static String list(String reply, long n) {
        // the plain reply continues the prompt's "9." without repeating it
        String numbered = "9. " + reply.strip();
        Matcher m = ITEM.matcher(numbered);
        StringBuilder out = new StringBuilder("Sure! Here are some more tasks:\n\n");
        int last = 8;
        int start = -1;
        String number = null;
        List<String> items = new java.util.ArrayList<>();
        List<String> numbers = new java.util.ArrayList<>();
        while (m.find()) {
            if (start >= 0) {
                items.add(numbered.substring(start, m.start()).strip());
                numbers.add(number);
            }
            number = m.group(1);
            start = m.end();
        }
        if (start >= 0) {
            items.add(numbered.substring(start).strip());
            numbers.add(number);
        }
        for (int i = 0; i < items.size(); i++) {
            last = Integer.parseInt(numbers.get(i));
            out.append(i % 2 == 0 ? "**" + last + ".** " : last + ") ").append(items.get(i)).append('\n');
        }
        for (int k = 1; k <= 3; k++) {
            out.append("**").append(last + k).append(".** Invent surplus task number ").append(n).append('-')
                    .append(k).append(" that nobody asked for at all.\n");
        }
        return out.append("\nLet me know if you would like more!").toString();
    }
}
