package dev.instructgen.teacher;

import java.util.List;
import java.util.Objects;

/**
 * One request to the teacher.
 *
 * @param stage    which pipeline stage sends it (e.g. "instruction-generation"); used for metrics and logs
 * @param messages chat messages, system first if any
 * @param sampling decoding parameters for this stage
 */
public record TeacherRequest(String stage, List<ChatMessage> messages, Sampling sampling) {

    public TeacherRequest {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(sampling, "sampling");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a teacher request needs at least one message");
        }
    }

    /** A single user message: the common case for our prompt templates. */
    public static TeacherRequest ofUserPrompt(String stage, String prompt, Sampling sampling) {
        return new TeacherRequest(stage, List.of(ChatMessage.user(prompt)), sampling);
    }

    /** Total characters of all messages; a cheap size measure for estimates. */
    public int promptChars() {
        return messages.stream().mapToInt(m -> m.content().length()).sum();
    }
}
