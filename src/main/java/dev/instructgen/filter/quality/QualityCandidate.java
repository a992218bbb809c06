package dev.instructgen.filter.quality;

import java.util.Objects;

/**
 * What the quality filters look at: one record's id (the name a later duplicate points to) and its fields.
 *
 * @param input empty when the record has none
 */
public record QualityCandidate(String id, String instruction, String input, String output) {

    public QualityCandidate {
        Objects.requireNonNull(id, "id");
        instruction = instruction == null ? "" : instruction;
        input = input == null ? "" : input;
        output = output == null ? "" : output;
    }

    /** The prompt a user would send: the instruction, and its input after a blank line when there is one. */
    public String prompt() {
        return input.isBlank() ? instruction : instruction + "\n\n" + input;
    }
}
