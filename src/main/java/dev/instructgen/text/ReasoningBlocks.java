package dev.instructgen.text;

import java.util.regex.Pattern;

/**
 * Removes the reasoning that models such as Qwen3, DeepSeek-R1 or gpt-oss put before their answer when a server
 * (Ollama, vLLM or llama.cpp without a reasoning parser) passes it through as {@code <think>...</think>} (also
 * {@code <thinking>} and {@code <reasoning>}). Left in, it would be read as list items, instances, verdicts or
 * instructions; both methods strip it from every reply before parsing. An unclosed block (the reply was cut off
 * while still thinking) leaves no answer at all. Some chat templates open the block in the prompt, so the reply
 * holds only the closing tag: everything up to it is reasoning too.
 */
public final class ReasoningBlocks {

    private static final Pattern CLOSED = Pattern.compile("(?is)<(think|thinking|reasoning)>.*?</\\1>");
    private static final Pattern UNCLOSED = Pattern.compile("(?is)<(?:think|thinking|reasoning)>.*\\z");
    private static final Pattern ONLY_CLOSING = Pattern.compile("(?is)\\A.*?</(?:think|thinking|reasoning)>");

    private ReasoningBlocks() {
    }

    /** Whether the reply holds reasoning, closed or not. */
    public static boolean present(String reply) {
        return reply != null && (CLOSED.matcher(reply).find() || UNCLOSED.matcher(reply).find()
                || ONLY_CLOSING.matcher(reply).find());
    }

    /** Whether the reply ends inside a reasoning block that was never closed: cut off while thinking. */
    public static boolean endsInside(String reply) {
        return reply != null && UNCLOSED.matcher(CLOSED.matcher(reply).replaceAll("")).find();
    }

    /** The reply without its reasoning blocks, trimmed when anything was removed. */
    public static String strip(String reply) {
        if (reply == null) {
            return "";
        }
        String lower = reply.toLowerCase(java.util.Locale.ROOT);
        if (!lower.contains("<think") && !lower.contains("<reasoning") && !lower.contains("</think")
                && !lower.contains("</reasoning")) {
            return reply;
        }
        String s = CLOSED.matcher(reply).replaceAll("");
        s = UNCLOSED.matcher(s).replaceAll("");
        s = ONLY_CLOSING.matcher(s).replaceFirst("");
        return s.strip();
    }
}
