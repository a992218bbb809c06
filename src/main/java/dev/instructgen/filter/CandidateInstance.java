package dev.instructgen.filter;

/** One input/output pair the teacher proposed for a task, before the instance filters; null fields become "". */
public record CandidateInstance(String input, String output) {

    public CandidateInstance {
        input = input == null ? "" : input;
        output = output == null ? "" : output;
    }
}
