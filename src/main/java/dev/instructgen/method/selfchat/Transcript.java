package dev.instructgen.method.selfchat;

import dev.instructgen.dataset.Example;

import java.util.List;

/**
 * The conversation read from one self-chat reply: alternating user and assistant turns, starting with the user
 * and ending with an assistant reply (possibly none at all), and why it ends there.
 *
 * @param messages the kept turns, in order
 * @param stop     why the conversation ends after them
 * @param detail   one sentence on where and why it stopped, for rejected.jsonl and the logs
 */
record Transcript(List<Example.Message> messages, StopReason stop, String detail) {

    static final String USER = "user";
    static final String ASSISTANT = "assistant";

    Transcript {
        messages = List.copyOf(messages);
    }

    /** Full exchanges: user turns that got an assistant reply. */
    int exchanges() {
        return (int) messages.stream().filter(m -> m.role().equals(ASSISTANT)).count();
    }

    /** The opening user turn, or "" when there is none. */
    String firstUserTurn() {
        return messages.isEmpty() ? "" : messages.get(0).content();
    }

    /** The turns as plain text, "User: ..." and "Assistant: ..." paragraphs, for rejected.jsonl. */
    String asText() {
        StringBuilder text = new StringBuilder();
        for (Example.Message m : messages) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(m.role().equals(USER) ? "User: " : "Assistant: ").append(m.content());
        }
        return text.toString();
    }
}
