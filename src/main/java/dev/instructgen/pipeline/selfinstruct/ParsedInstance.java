package dev.instructgen.pipeline.selfinstruct;

/** One input/output pair read from an instance-generation reply; input is empty for tasks without one. */
public record ParsedInstance(String input, String output) {

    public ParsedInstance {
        input = input == null ? "" : input;
        output = output == null ? "" : output;
    }
}
