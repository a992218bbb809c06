package dev.instructgen.method.selfinstruct;

import dev.instructgen.filter.CandidateInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads instances out of an instance-generation reply, in either of Self-Instruct's formats (Wang et al. 2023,
 * §2.2), the way the reference code reads them ({@code prepare_for_finetuning.py}) and a little more robustly.
 *
 * <p>Input-first: "Example N" headings separate instances; within one, everything before "Output:" is the
 * input, without a leading "Input:" label. So a field named after its content, which is the reference
 * templates' own style ("Sentence: ...", "Paragraph: ... Question: ..."), stays in the input with its name, as
 * in the reference. Without headings, an "Input:" or a repeat of the first field's name after an output starts
 * the next instance. A reply with neither an "Output:" nor an "Example" heading is dropped, as the reference
 * drops it: it is usually chatter, not an answer.
 *
 * <p>Output-first (classification): each "Class label:" starts an instance; the rest of its line is the label
 * and the following lines are the input (a leading "Input:" label removed), so "Class label: Spam" followed by
 * "Email: ..." keeps the email as the input. Text before the first label is a preamble.
 *
 * <p>Both: a reply that continues with a new "Task:" is cut there; a code fence around the whole reply and
 * closing remarks ("Let me know if you would like more!") are removed; bold labels and headings are read. A
 * cut-off last instance is returned like the others: the instance screen drops it (it knows the finish reason).
 */
public final class InstanceParser {

    private static final String EMPH = "(?:\\*\\*|__)?";
    private static final Pattern EXAMPLE = Pattern.compile(
            "^\\s*(?:#{1,6}\\s*)?" + EMPH + "\\s*example\\s*#?\\s*\\d+\\s*[:.)]?\\s*" + EMPH + "\\s*:?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LABELLED = Pattern.compile(
            "^\\s*" + EMPH + "\\s*(input|output|class label)\\s*\\d*\\s*" + EMPH + "\\s*:\\s*" + EMPH + "\\s?(.*)$",
            Pattern.CASE_INSENSITIVE);
    /** "Sentence: ...", "Email: ...": a field the model named after its content. */
    private static final Pattern NAMED_FIELD = Pattern.compile("^\\s*" + EMPH + "\\s*([A-Za-z][\\w ]{0,30}?)\\s*"
            + EMPH + "\\s*:(?:\\s|$).*");
    private static final Pattern NEXT_TASK = Pattern.compile("^\\s*" + EMPH + "\\s*task\\s*" + EMPH + "\\s*:",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANOTHER = Pattern.compile(
            "^\\s*(?:here(?:'s| is| are) (?:another|more|a few)|another example)\\b.*:\\s*$", Pattern.CASE_INSENSITIVE);

    /** Input-first: an instance per "Example" heading, or per "Input:" when there are none. */
    public List<CandidateInstance> inputFirst(String reply) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        boolean headed = false;
        for (String line : body(reply)) {
            if (EXAMPLE.matcher(line).matches()) {
                chunks.add(current);
                current = new ArrayList<>();
                headed = true;
            } else {
                current.add(line);
            }
        }
        chunks.add(current);
        List<CandidateInstance> out = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            // the text before the first heading is a preamble unless it holds labelled fields itself
            out.addAll(InputFirstChunk.read(chunks.get(i), headed && i > 0));
        }
        return out;
    }

    /** Output-first: each "Class label:" starts an instance whose output is the label. */
    public List<CandidateInstance> outputFirst(String reply) {
        List<String> lines = body(reply);
        if (lines.stream().noneMatch(InstanceParser::isClassLabel)) {
            // the model answered input-first after all: its output is the label
            return lines.stream().anyMatch(l -> "output".equals(label(l))) ? inputFirst(reply) : List.of();
        }
        List<CandidateInstance> out = new ArrayList<>();
        String classLabel = null;
        List<String> input = new ArrayList<>();
        for (String line : lines) {
            if (isClassLabel(line)) {
                if (classLabel != null) {
                    out.add(outputFirstInstance(classLabel, input));
                }
                classLabel = labelText(line).strip();
                input = new ArrayList<>();
            } else if (classLabel == null || EXAMPLE.matcher(line).matches() || "output".equals(label(line))) {
                continue;
            } else if (classLabel.isEmpty() && !line.isBlank()) {
                classLabel = line.strip();
            } else if (input.isEmpty() && "input".equals(label(line))) {
                input.add(labelText(line));
            } else {
                input.add(line);
            }
        }
        if (classLabel != null) {
            out.add(outputFirstInstance(classLabel, input));
        }
        return out;
    }

    private static CandidateInstance outputFirstInstance(String classLabel, List<String> input) {
        return new CandidateInstance(normalizeInput(join(input)), stripEmphasis(classLabel));
    }

    /** The reply without fences and closing remarks, up to a new "Task:" the model started inventing. */
    private static List<String> body(String reply) {
        List<String> lines = new ArrayList<>();
        for (String line : ReplyChatter.lines(reply)) {
            if (NEXT_TASK.matcher(line).find()) {
                break;
            }
            lines.add(line);
        }
        return lines;
    }

    private static boolean isClassLabel(String line) {
        return "class label".equals(label(line));
    }

    /** The lower-cased name of a line's Input/Output/Class label, or null. */
    static String label(String line) {
        Matcher m = LABELLED.matcher(line);
        return m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    static String labelText(String line) {
        Matcher m = LABELLED.matcher(line);
        return m.matches() ? m.group(2) : line;
    }

    /** The name of a content-named field opening this line ("Sentence"), or null. */
    static String namedField(String line) {
        Matcher m = NAMED_FIELD.matcher(line);
        return m.matches() ? m.group(1).strip().toLowerCase(Locale.ROOT) : null;
    }

    static boolean isAnotherExampleLine(String line) {
        return ANOTHER.matcher(line).matches();
    }

    /** Lines joined, blank lines at either end dropped, trailing spaces removed. */
    static String join(List<String> lines) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append(i == from ? "" : "\n").append(lines.get(i).stripTrailing());
        }
        return b.toString().strip();
    }

    static String stripEmphasis(String s) {
        String t = s.strip();
        if (t.length() > 4 && t.startsWith("**") && t.endsWith("**")) {
            t = t.substring(2, t.length() - 2).strip();
        }
        return t;
    }

    static String normalizeInput(String raw) {
        String s = raw.strip();
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "<noinput>", "(empty)", "(none)", "n/a", "none.", "<no input>", "(no input)" -> "";
            default -> s;
        };
    }
}
