package dev.instructgen.teacher;

import java.util.List;
import java.util.Objects;

/**
 * One request to the teacher.
 *
 * @param stage    which pipeline stage sends it (e.g. "instruction-generation"); used for metrics and logs
 * @param messages chat messages, system first if any
 * @param sampling decoding parameters for this stage
 * @param responseSchema the reply's fixed shape, asked of servers that do structured output; null for free text
 */
public record TeacherRequest(String stage, List<ChatMessage> messages, Sampling sampling,
                             ResponseSchema responseSchema) {

    public TeacherRequest(String stage, List<ChatMessage> messages, Sampling sampling) {
        this(stage, messages, sampling, null);
    }

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

    /** This request asking for a reply of the given shape where the server can do structured output. */
    public TeacherRequest withSchema(ResponseSchema schema) {
        return new TeacherRequest(stage, messages, sampling, schema);
    }

    /** This request with other decoding parameters (e.g. more room for a model that reasons). */
    public TeacherRequest withSampling(Sampling other) {
        return new TeacherRequest(stage, messages, other, responseSchema);
    }

    /** Total characters of all messages; a cheap size measure for estimates. */
    public int promptChars() {
        return messages.stream().mapToInt(m -> m.content().length()).sum();
    }
}
