package dev.instructgen.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One instruction template of a task: an id and three patterns whose {@code {field}} placeholders name the
 * task's fields ({@code {options}} is the label set, one per line, as FLAN's OPTIONS suffix lists them).
 * {@code {{} and {@code }}} write literal braces.
 */
record TaskTemplate(String id, String instruction, String input, String output) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{|}}|\\{([A-Za-z_][A-Za-z0-9_-]*)}");

    /** The placeholders the template uses, in order of appearance. */
    List<String> placeholders() {
        List<String> names = new ArrayList<>();
        for (String pattern : List.of(instruction, input, output)) {
            Matcher m = PLACEHOLDER.matcher(pattern);
            while (m.find()) {
                if (m.group(1) != null && !names.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    static String render(String pattern, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder(pattern.length() + 64);
        int last = 0;
        while (m.find()) {
            out.append(pattern, last, m.start());
            String token = m.group();
            if (token.equals("{{")) {
                out.append('{');
            } else if (token.equals("}}")) {
                out.append('}');
            } else {
                out.append(values.getOrDefault(m.group(1), ""));
            }
            last = m.end();
        }
        return out.append(pattern, last, pattern.length()).toString();
    }
}
