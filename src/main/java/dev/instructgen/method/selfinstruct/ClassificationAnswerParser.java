package dev.instructgen.method.selfinstruct;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the yes/no of the classification-identification reply. Self-Instruct decodes greedily with a few tokens
 * only, but chat models still say "Yes.", "**No**" or "Classification: Yes": the first yes or no word counts.
 */
public final class ClassificationAnswerParser {

    private static final Pattern ANSWER = Pattern.compile("\\b(yes|no)\\b");

    /** True for yes, false for no, empty when the reply holds neither. */
    public Optional<Boolean> parse(String reply) {
        Matcher m = ANSWER.matcher(reply.toLowerCase(Locale.ROOT));
        return m.find() ? Optional.of(m.group(1).equals("yes")) : Optional.empty();
    }
}
