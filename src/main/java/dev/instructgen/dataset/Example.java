package dev.instructgen.dataset;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.instructgen.dataset.LicenseInfo;

import java.util.Objects;

/**
 * One accepted example: one line of examples.jsonl (schema in PRODUCT.md).
 *
 * @param id               unique and stable within the run
 * @param method           "self-instruct", "evol-instruct", "seed", "mix" or "template"
 * @param taskId           groups the instances of one instruction
 * @param isClassification whether the task was judged a classification task
 */
public record Example(
        String id,
        String instruction,
        String input,
        String output,
        String method,
        @JsonProperty("task_id") String taskId,
        @JsonProperty("is_classification") boolean isClassification,
        Provenance provenance,
        LicenseInfo license) {

    public static final String SELF_INSTRUCT = "self-instruct";
    public static final String EVOL_INSTRUCT = "evol-instruct";
    public static final String SEED = "seed";
    /** A record taken into a mix of sources (provenance.mix says which source and how). */
    public static final String MIX = "mix";
    /** A labelled NLP record rendered into an instruction by a task template. */
    public static final String TEMPLATE = "template";

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
