package dev.instructgen.prompt;

import dev.instructgen.error.BadInputException;
import org.apache.commons.text.StringSubstitutor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * One prompt template: its file name (relative to the prompts directory), its text with {@code ${variable}}
 * placeholders, and the sha256 of that text, which the manifest and every example's provenance record.
 *
 * @param name   relative file name, e.g. "self-instruct/instruction-generation.txt"
 * @param source where it was read from (the shipped copy or the --prompts directory), for messages
 */
public record PromptTemplate(String name, String text, String sha256, String source) {

    public PromptTemplate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sha256, "sha256");
    }

    public static PromptTemplate of(String name, String text, String source) {
        return new PromptTemplate(name, text, sha256(text), source);
    }

    /** "self-instruct/instruction-generation.txt@1a2b3c4d5e6f": what provenance records per stage. */
    public String provenanceId() {
        return name + "@" + sha256.substring(0, 12);
    }

    /**
     * Fills the placeholders. A placeholder with no value is a broken template (usually a user's override), so it
     * fails with the template's name instead of sending a prompt with a hole in it. Values are inserted as they
     * are: a "${...}" inside a value (model output shown in context) is never expanded.
     */
    public String render(Map<String, ?> values) {
        StringSubstitutor substitutor = new StringSubstitutor(values)
                .setEnableUndefinedVariableException(true)
                .setDisableSubstitutionInValues(true);
        try {
            return substitutor.replace(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("prompt template " + source + ": " + e.getMessage()
                    + " (variables available: " + String.join(", ", new java.util.TreeSet<>(values.keySet())) + ")");
        }
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
