package dev.instructgen.method.alpaca;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the instruction/input/output triples out of a reply to the Alpaca prompt.
 *
 * <p>The prompt lays a task out as a "Task N" header and three labelled fields; chat models dress that up in many
 * ways: "### Task 4", "**Instruction:**", "4. Instruction:" (the reference's own numbering), bullets, "###"
 * separators, a code fence, a preamble ("Sure! Here are 20 tasks:") and a closing offer. Every "Instruction:"
 * label starts a triple; unlabelled lines continue the field above them, so multi-line inputs and outputs stay
 * whole; text before the first label is a preamble and ignored; a paragraph that opens with a closing remark ends
 * the reply. A reply cut off by the length limit has an incomplete last triple, which is set apart, as the
 * reference drops it (generate_instruction.py, {@code finish_reason == "length"}).
 */
final class TripleParser {

    private static final Pattern FIELD = Pattern.compile(
            "^\\s*(?:[-*•]\\s*)?(?:\\d{1,3}\\s*[.)]\\s*)?(instruction|input|output|response|answer)\\s*:\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER = Pattern.compile(
            "^\\s*(?:#{1,6}\\s*)?(?:[-*•]\\s*)?(?:task|example)\\s*#?\\s*\\d{1,3}\\s*[.:)]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATOR = Pattern.compile("^\\s*(?:#{3,}|-{3,}|\\*{3,}|={3,}|```[\\w-]*)\\s*$");
    private static final Pattern EPILOGUE = Pattern.compile(
            "^\\s*(?:let me know|i hope|hope (?:this|these|that)|feel free|would you like|do you want"
                    + "|if you(?:'d| would)? (?:like|need|want)|i can (?:also )?(?:generate|provide|create|add|write)"
                    + "|happy to|these (?:tasks|examples) (?:are|should|cover|can))\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> NO_INPUT = Set.of("<noinput>", "<no input>", "noinput", "no input", "none",
            "n/a", "(none)", "<none>", "-", "");

    /**
     * @param triples the complete triples, at most the number asked for
     * @param cutOff  the last triple of a reply cut off by the length limit, or null
     * @param extra   triples beyond the number asked for, not kept
     */
    record Reply(List<Triple> triples, Triple cutOff, int extra) {
    }

    private final int asked;

    TripleParser(int asked) {
        this.asked = asked;
    }

    Reply read(String reply, boolean wasCutOff) {
        List<Triple> all = parse(reply);
        Triple partial = wasCutOff && !all.isEmpty() ? all.remove(all.size() - 1) : null;
        int extra = Math.max(0, all.size() - asked);
        return new Reply(List.copyOf(all.subList(0, Math.min(all.size(), asked))), partial, extra);
    }

    List<Triple> parse(String reply) {
        List<Draft> drafts = new ArrayList<>();
        Draft current = null;
        StringBuilder field = null;
        boolean previousBlank = true;
        for (String raw : reply.split("\\R", -1)) {
            String probe = raw.replace("**", "").replace("__", "");
            Matcher label = FIELD.matcher(probe);
            if (previousBlank && current != null && EPILOGUE.matcher(probe).matches()) {
                break;
            }
            previousBlank = raw.isBlank();
            if (label.matches()) {
                String name = label.group(1).toLowerCase(Locale.ROOT);
                if (name.equals("instruction") || current == null) {
                    current = new Draft();
                    drafts.add(current);
                }
                field = current.field(name);
                field.setLength(0);
                field.append(label.group(2).strip());
            } else if (HEADER.matcher(probe).matches() || SEPARATOR.matcher(raw).matches()) {
                field = null;
            } else if (field != null) {
                field.append('\n').append(raw.strip());
            }
        }
        List<Triple> out = new ArrayList<>();
        for (Draft d : drafts) {
            String instruction = d.instruction.toString().strip();
            if (!instruction.isEmpty()) {
                out.add(new Triple(instruction, input(d.input.toString()), d.output.toString().strip()));
            }
        }
        return out;
    }

    private static String input(String raw) {
        String s = raw.strip();
        return NO_INPUT.contains(s.toLowerCase(Locale.ROOT)) ? "" : s;
    }

    /** A triple while its lines are read. */
    private static final class Draft {
        final StringBuilder instruction = new StringBuilder();
        final StringBuilder input = new StringBuilder();
        final StringBuilder output = new StringBuilder();

        StringBuilder field(String name) {
            return switch (name) {
                case "instruction" -> instruction;
                case "input" -> input;
                default -> output;
            };
        }
    }
}
