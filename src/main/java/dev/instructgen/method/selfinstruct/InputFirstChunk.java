package dev.instructgen.method.selfinstruct;

import dev.instructgen.filter.CandidateInstance;

import java.util.ArrayList;
import java.util.List;

/**
 * One "Example N" section (or a whole reply without headings) of an input-first reply, read into instances.
 * Everything before "Output:" is the input, as in the reference code's {@code parse_input_output}: lines before
 * any label are the input when they are content-named fields ("Sentence: ..."), and a preamble otherwise.
 */
final class InputFirstChunk {

    private final List<CandidateInstance> instances = new ArrayList<>();
    private List<String> pending = new ArrayList<>();
    private List<String> input;
    private List<String> output;
    /** The name of the content-named field that opened an input ("sentence"), to spot the next instance. */
    private String firstName;

    private InputFirstChunk() {
    }

    /** @param headed whether an "Example" heading opened this section (an unlabelled body is then the output) */
    static List<CandidateInstance> read(List<String> lines, boolean headed) {
        InputFirstChunk chunk = new InputFirstChunk();
        lines.forEach(chunk::line);
        chunk.finish(headed);
        return chunk.instances;
    }

    private void line(String line) {
        String label = InstanceParser.label(line);
        if ("input".equals(label)) {
            flush();
            pending = new ArrayList<>();
            input = new ArrayList<>(List.of(InstanceParser.labelText(line)));
        } else if ("output".equals(label)) {
            if (output != null) {
                flush();
            }
            if (input == null) {
                input = withoutPreamble(pending);
            }
            pending = new ArrayList<>();
            output = new ArrayList<>(List.of(InstanceParser.labelText(line)));
        } else if (output != null) {
            String name = InstanceParser.namedField(line);
            if (name != null && name.equals(firstName)) {
                flush();
                pending.add(line);
            } else if (!InstanceParser.isAnotherExampleLine(line)) {
                output.add(line);
            }
        } else if (input != null) {
            input.add(line);
        } else {
            pending.add(line);
            if (firstName == null && !line.isBlank() && !ReplyChatter.PREAMBLE.matcher(line).matches()) {
                firstName = InstanceParser.namedField(line);
            }
        }
    }

    private void flush() {
        if (output != null || input != null) {
            instances.add(new CandidateInstance(InstanceParser.normalizeInput(InstanceParser.join(input)),
                    output == null ? "" : InstanceParser.join(output)));
        }
        input = null;
        output = null;
    }

    private void finish(boolean headed) {
        if (input == null && output == null) {
            String body = InstanceParser.join(withoutPreamble(pending));
            if (headed && !body.isEmpty()) {
                // the reference keeps a headed example without labels as an output without input
                instances.add(new CandidateInstance("", body));
            }
            return;
        }
        flush();
    }

    /** Leading blank lines and announcement lines ("Sure! Here are two examples:") are not the input. */
    private static List<String> withoutPreamble(List<String> lines) {
        int from = 0;
        while (from < lines.size() && (lines.get(from).isBlank()
                || ReplyChatter.PREAMBLE.matcher(lines.get(from)).matches() && endsLikeAnAnnouncement(lines.get(from)))) {
            from++;
        }
        return new ArrayList<>(lines.subList(from, lines.size()));
    }

    private static boolean endsLikeAnAnnouncement(String line) {
        String t = line.strip().replaceAll("\\*+$", "");
        return t.endsWith(":") || t.endsWith("!") || InstanceParser.namedField(line) == null;
    }
}
