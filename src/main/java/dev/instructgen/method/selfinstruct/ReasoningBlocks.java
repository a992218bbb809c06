package dev.instructgen.method.selfinstruct;

import java.util.regex.Pattern;

/**
 * Removes the reasoning that some local models (served by Ollama or vLLM without a reasoning parser) put before
 * their answer as {@code <think>...</think>}. Left in, it would be read as list items or instances; an unclosed
 * block (the reply was cut off while still thinking) leaves no answer at all.
 */
final class ReasoningBlocks {

    private static final Pattern CLOSED = Pattern.compile("(?is)<think>.*?</think>");
    private static final Pattern UNCLOSED = Pattern.compile("(?is)<think>.*\\z");

    private ReasoningBlocks() {
    }

    static String strip(String reply) {
        if (!reply.contains("<think>") && !reply.contains("<THINK>")) {
            return reply;
        }
        return UNCLOSED.matcher(CLOSED.matcher(reply).replaceAll("")).replaceAll("").strip();
    }
}
