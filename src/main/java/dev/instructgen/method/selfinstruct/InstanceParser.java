package dev.instructgen.method.selfinstruct;

import dev.instructgen.filter.CandidateInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads instances out of an instance-generation reply, in either of Self-Instruct's formats (Wang et al. 2023,
 * §2.2): input-first ("Example N", "Input:", "Output:") for most tasks, output-first ("Class label:" then
 * "Input:") for classification tasks, where generating the label first keeps the model from producing inputs
 * of one class only. Fields may span lines. A reply that continues with a new "Task:" is cut there. A cut-off
 * last instance is returned like the others: the instance screen drops it (it knows the finish reason).
 */
public final class InstanceParser {

    private static final String EMPH = "(?:\\*\\*|__)?";
    private static final Pattern EXAMPLE = Pattern.compile(
            "^\\s*" + EMPH + "\\s*example\\s*#?\\s*\\d+\\s*[:.)]?\\s*" + EMPH + "\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FIELD = Pattern.compile(
            "^\\s*" + EMPH + "\\s*(input|output|class label)\\s*" + EMPH + "\\s*:\\s*" + EMPH + "\\s?(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NEXT_TASK = Pattern.compile("^\\s*" + EMPH + "\\s*task\\s*" + EMPH + "\\s*:",
            Pattern.CASE_INSENSITIVE);

    /** Input-first: each "Input:" (or an "Output:" without one) starts an instance. */
    public List<CandidateInstance> inputFirst(String reply) {
        return parse(reply, "input");
    }

    /** Output-first: each "Class label:" starts an instance whose output is the label. */
    public List<CandidateInstance> outputFirst(String reply) {
        return parse(reply, "class label");
    }

    private List<CandidateInstance> parse(String reply, String opener) {
        List<Builder> found = new ArrayList<>();
        Builder current = null;
        String field = null;
        boolean sawField = false;
        for (String line : reply.split("\\R")) {
            if (NEXT_TASK.matcher(line).find()) {
                break;
            }
            if (EXAMPLE.matcher(line).matches()) {
                current = null;
                field = null;
                continue;
            }
            Matcher m = FIELD.matcher(line);
            if (m.matches()) {
                sawField = true;
                String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
                boolean starts = current == null || name.equals(opener) || current.has(name)
                        || (opener.equals("input") && name.equals("output") && current.has("output"));
                if (starts) {
                    current = new Builder();
                    found.add(current);
                }
                field = name;
                current.set(name, m.group(2));
            } else if (current != null && field != null) {
                current.append(field, line);
            }
        }
        if (!sawField && !reply.isBlank()) {
            // a task without input answered directly, with no labels at all
            Builder whole = new Builder();
            whole.set("output", reply);
            found.add(whole);
        }
        List<CandidateInstance> instances = new ArrayList<>();
        for (Builder b : found) {
            instances.add(opener.equals("input") ? b.inputFirst() : b.outputFirst());
        }
        return instances;
    }

    /** Collects the fields of one instance as they are read. */
    private static final class Builder {
        private final StringBuilder input = new StringBuilder();
        private final StringBuilder output = new StringBuilder();
        private final StringBuilder label = new StringBuilder();
        private final java.util.Set<String> seen = new java.util.HashSet<>();

        boolean has(String field) {
            return seen.contains(field);
        }

        void set(String field, String text) {
            seen.add(field);
            target(field).append(text.strip());
        }

        void append(String field, String line) {
            StringBuilder t = target(field);
            if (t.length() > 0 || !line.isBlank()) {
                t.append(t.length() == 0 ? "" : "\n").append(line.stripTrailing());
            }
        }

        private StringBuilder target(String field) {
            return switch (field) {
                case "input" -> input;
                case "output" -> output;
                default -> label;
            };
        }

        CandidateInstance inputFirst() {
            return new CandidateInstance(normalizeInput(input.toString()), output.toString().strip());
        }

        CandidateInstance outputFirst() {
            String out = label.length() > 0 ? label.toString() : output.toString();
            return new CandidateInstance(normalizeInput(input.toString()), out.strip());
        }

        private static String normalizeInput(String raw) {
            String s = raw.strip();
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            return switch (lower) {
                case "<noinput>", "(empty)", "(none)", "n/a", "none.", "<no input>", "(no input)" -> "";
                default -> s;
            };
        }
    }
}
