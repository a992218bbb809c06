package dev.instructgen.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * One accepted example: one line of examples.jsonl (schema in PRODUCT.md).
 *
 * @param id               unique and stable within the run
 * @param method           how the example came to be, written as its stable code
 * @param taskId           groups the instances of one instruction
 * @param isClassification whether the task was judged a classification task
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
        LicenseInfo license) {

    public Example {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(instruction, "instruction");
        input = input == null ? "" : input;
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(license, "license");
    }
}
