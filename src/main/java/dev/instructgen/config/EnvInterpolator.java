package dev.instructgen.config;

import dev.instructgen.error.BadInputException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Replaces {@code ${NAME}} and {@code ${NAME:-default}} in config values with environment variables, so a
 * config file can be committed without machine-specific paths. {@code $${...}} stays literal.
 *
 * <p>One pass, left to right: a replacement is never scanned again, so an environment value that itself holds
 * {@code ${X}} arrives as written. A reference to a variable named like a secret (see {@link #looksSecret}) is
 * refused: every setting ends up in manifest.json, the dataset card or the console, and secrets must never reach
 * them (PRODUCT.md). The API key is given by the <em>name</em> of its variable ({@code api-key-env}) instead.
 */
final class EnvInterpolator {

    /**
     * Name parts that mark a secret, matched against the words of a variable name split at '_' (so HF_TOKEN and
     * OPENAI_API_KEY match, KEYWORDS and PWD do not).
     */
    private static final Set<String> SECRET_WORDS = Set.of("KEY", "APIKEY", "TOKEN", "SECRET", "PASSWORD",
            "PASSWD", "PASSPHRASE", "CREDENTIAL", "CREDENTIALS", "AUTH", "PRIVATE", "BEARER", "COOKIE", "SESSION");

    private final Function<String, String> env;

    EnvInterpolator(Function<String, String> env) {
        this.env = env;
    }

    /**
     * @param key   the setting, for the message when a reference is refused
     * @param where "file:line" for the error messages
     */
    String interpolate(String value, String key, String where) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '$' && value.startsWith("$${", i)) {
                int end = value.indexOf('}', i + 3);
                int stop = end < 0 ? value.length() : end + 1;
                out.append(value, i + 1, stop); // $${X} is the literal text ${X}
                i = stop;
            } else if (c == '$' && value.startsWith("${", i)) {
                int end = value.indexOf('}', i + 2);
                if (end < 0) {
                    throw new BadInputException(where + ": '" + key + "' has an unterminated '${' in \""
                            + shortened(value) + "\"; expected ${NAME}, ${NAME:-default}, or $${ for a literal '${'");
                }
                out.append(resolve(value.substring(i + 2, end), key, where));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String resolve(String reference, String key, String where) {
        int colon = reference.indexOf(":-");
        String name = colon < 0 ? reference : reference.substring(0, colon);
        String fallback = colon < 0 ? null : reference.substring(colon + 2);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new BadInputException(where + ": '" + key + "' refers to ${" + shortened(reference)
                    + "}, which is not an environment variable name; expected ${NAME} or ${NAME:-default}");
        }
        if (looksSecret(name)) {
            throw new BadInputException(where + ": '" + key + "' refers to ${" + name + "}, a variable named like "
                    + "a secret; settings are written to manifest.json and the dataset card, so secrets may not be "
                    + "interpolated into them (give the NAME of the API key's variable with api-key-env instead)");
        }
        String resolved = env.apply(name);
        if (resolved == null) {
            resolved = fallback;
        }
        if (resolved == null) {
            throw new BadInputException(where + ": environment variable " + name
                    + " is not set (write ${" + name + ":-default} to give a default)");
        }
        return resolved;
    }

    /** True for names whose '_'-separated words include a secret word, or that end in one (GITHUBTOKEN). */
    static boolean looksSecret(String variable) {
        String upper = variable.toUpperCase(Locale.ROOT);
        for (String word : upper.split("_")) {
            if (SECRET_WORDS.contains(word)) {
                return true;
            }
        }
        return upper.endsWith("APIKEY") || upper.endsWith("TOKEN") || upper.endsWith("SECRET")
                || upper.endsWith("PASSWORD");
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
