package dev.instructgen.method.unnatural;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the new example out of a core-generation reply: its "Instruction:", "Input:" and "Constraints:" fields.
 * Chat models add a preamble, bold labels, bullets, an "Example 4" header or a code fence, and some go on with
 * an "Example 5" that the stop sequence did not catch: only the first example is read. A field's unlabelled lines
 * continue it. A cut-off reply is not read at all (its last field may be incomplete, and it is the only one).
 */
final class CoreParser {

    private static final Pattern FIELD = Pattern.compile(
            "^\\s*(?:[-*•]\\s*)?(instruction|input|constraints?)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER = Pattern.compile(
            "^\\s*(?:#{1,6}\\s*)?(?:example|task)\\s*#?\\s*\\d{1,3}\\s*[.:)]?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LAYOUT = Pattern.compile("^\\s*(?:```[\\w-]*|#{3,}|-{3,})\\s*$");
    private static final Set<String> NONE = Set.of("none", "none.", "n/a", "<noinput>", "no input", "-", "");

    /** The example read, or null when the reply holds no instruction. */
    Core read(String reply) {
        StringBuilder instruction = null;
        StringBuilder input = new StringBuilder();
        StringBuilder constraints = new StringBuilder();
        StringBuilder field = null;
        for (String raw : reply.split("\\R", -1)) {
            String probe = raw.replace("**", "").replace("__", "");
            Matcher label = FIELD.matcher(probe);
            if (label.matches()) {
                String name = label.group(1).toLowerCase(Locale.ROOT);
                if (name.equals("instruction")) {
                    if (instruction != null) {
                        break;
                    }
                    instruction = new StringBuilder();
                    field = instruction;
                } else if (instruction == null) {
                    continue;
                } else {
                    field = name.equals("input") ? input : constraints;
                    field.setLength(0);
                }
                field.append(label.group(2).strip());
            } else if (HEADER.matcher(probe).matches()) {
                if (instruction != null) {
                    break;
                }
            } else if (LAYOUT.matcher(raw).matches() || raw.isBlank()) {
                field = null;
            } else if (field != null) {
                field.append('\n').append(raw.strip());
            }
        }
        if (instruction == null || instruction.toString().isBlank()) {
            return null;
        }
        return new Core(instruction.toString().strip(), none(input), none(constraints));
    }

    private static String none(StringBuilder field) {
        String s = field.toString().strip();
        return NONE.contains(s.toLowerCase(Locale.ROOT)) ? "" : s;
    }

    /** The three fields of the new example; "" for an input or constraints given as "None". */
    record Core(String instruction, String input, String constraints) {
    }
}
