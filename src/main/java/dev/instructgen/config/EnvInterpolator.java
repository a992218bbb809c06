package dev.instructgen.config;

import dev.instructgen.error.BadInputException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in config values with environment variables, so a
 * config file can be committed without secrets or machine-specific paths. {@code $${...}} stays literal.
 */
final class EnvInterpolator {

    private static final Pattern REFERENCE = Pattern.compile("\\$?\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private final Function<String, String> env;

    EnvInterpolator(Function<String, String> env) {
        this.env = env;
    }

    /** @param where "file:line" for the error message when a variable is not set and has no default */
    String interpolate(String value, String where) {
        Matcher m = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().startsWith("$$")) {
                replacement = m.group().substring(1);
            } else {
                String resolved = env.apply(m.group(1));
                if (resolved == null) {
                    resolved = m.group(2);
                }
                if (resolved == null) {
                    throw new BadInputException(where + ": environment variable " + m.group(1)
                            + " is not set (write ${" + m.group(1) + ":-default} to give a default)");
                }
                replacement = resolved;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
