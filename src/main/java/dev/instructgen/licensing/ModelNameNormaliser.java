package dev.instructgen.licensing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings the many spellings of a model name to one form the policy rules are written against:
 * {@code llama3.1:70b-instruct-q4_K_M} (Ollama), {@code meta-llama/Llama-3.1-70B-Instruct} (Hugging Face),
 * {@code us.meta.llama3-1-70b-instruct-v1:0} (a cloud catalog) all start with {@code llama-3}.
 * <ol>
 *   <li>lower case;</li>
 *   <li>keep what follows the last '/' (hub organisation, registry namespace, "models/" prefixes);</li>
 *   <li>drop leading dotted provider words ("anthropic.", "us.meta.");</li>
 *   <li>':' '_' and white space become '-' (Ollama tags join the name);</li>
 *   <li>a '-' goes between a word of two or more letters and a digit ("llama3" becomes "llama-3", "qwen2.5"
 *       becomes "qwen-2.5") but not after a single letter, so "o3", "r1", "v0.3" and "8x7b" stay whole.</li>
 * </ol>
 */
final class ModelNameNormaliser {

    private static final Pattern PROVIDER_PREFIX = Pattern.compile("^(?:[a-z]+\\.)+(?=[a-z])");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s_:]+");
    private static final Pattern WORD_THEN_DIGIT = Pattern.compile("(?<=[a-z]{2})(?=\\d)");
    private static final Pattern DASHES = Pattern.compile("-{2,}");

    private ModelNameNormaliser() {
    }

    static String normalise(String model) {
        String s = model.strip().toLowerCase(Locale.ROOT);
        int slash = s.lastIndexOf('/');
        if (slash >= 0) {
            s = s.substring(slash + 1);
        }
        s = PROVIDER_PREFIX.matcher(s).replaceFirst("");
        s = SEPARATORS.matcher(s).replaceAll("-");
        s = WORD_THEN_DIGIT.matcher(s).replaceAll("-");
        s = DASHES.matcher(s).replaceAll("-");
        return s.replaceAll("^-|-$", "");
    }
}
