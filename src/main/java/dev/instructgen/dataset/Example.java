package dev.instructgen.dataset;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Objects;

/**
 * One accepted example: one line of examples.jsonl (schema in PRODUCT.md).
 *
 * @param id               unique and stable within the run
 * @param method           how the example came to be, written as its stable code
 * @param taskId           groups the instances of one instruction
 * @param isClassification whether the task was judged a classification task
 * @param messages         the turns of a conversation record, in order; empty (and not written) for a single-turn
 *                         record, which keeps only instruction, input and output
 */
public record Example(
        String id,
        String instruction,
        String input,
        String output,
        MethodId method,
        @JsonProperty("task_id") String taskId,
        @JsonProperty("is_classification") boolean isClassification,
        Provenance provenance,
        LicenseInfo license,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Message> messages) {

    /** One turn of a conversation: {@code user} or {@code assistant} (a {@code system} turn may open it). */
    public record Message(String role, String content) {
        public Message {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
        }
    }

    /** A single-turn record. */
    public Example(String id, String instruction, String input, String output, MethodId method, String taskId,
                   boolean isClassification, Provenance provenance, LicenseInfo license) {
        this(id, instruction, input, output, method, taskId, isClassification, provenance, license, List.of());
    }

    public Example {
        messages = messages == null ? List.of() : List.copyOf(messages);
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instruction, "instruction");
        input = input == null ? "" : input;
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(license, "license");
    }

    /** Whether this record is a conversation (it carries {@code messages}). */
    @JsonIgnore
    public boolean isConversation() {
        return !messages.isEmpty();
    }
}
