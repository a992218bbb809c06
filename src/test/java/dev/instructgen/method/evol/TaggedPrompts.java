package dev.instructgen.method.evol;

import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a template as its file name followed by its variables, one a line (line breaks in values escaped),
 * so a scripted teacher can see both.
 */
final class TaggedPrompts implements EvolPrompts {

    @Override
    public Rendered render(String templateFile, Map<String, String> variables) {
        StringBuilder b = new StringBuilder(templateFile);
        new TreeMap<>(variables).forEach((k, v) ->
                b.append('\n').append(k).append('=').append(v.replace("\n", "\\n")));
        return new Rendered(b.toString(), templateFile + "@000000000000");
    }

    /** The value of a variable in a prompt rendered by this class. */
    static String variable(String prompt, String name) {
        for (String line : prompt.split("\n")) {
            if (line.startsWith(name + "=")) {
                return line.substring(name.length() + 1).replace("\\n", "\n");
            }
        }
        return null;
    }
}
