package dev.instructgen.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The default tokenizer of Google's rouge_score package, which Self-Instruct and Alpaca use for their novelty
 * filter: lowercase, replace every run of characters outside [a-z0-9] by a space, split on whitespace, no
 * stemming. Consequently text in non-Latin scripts yields no tokens at all.
 */
public final class RougeScoreTokenizer implements Tokenizer {

    @Override
    public List<String> tokenize(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            boolean kept = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (kept && start < 0) {
                start = i;
            } else if (!kept && start >= 0) {
                tokens.add(lower.substring(start, i));
                start = -1;
            }
        }
        if (start >= 0) {
            tokens.add(lower.substring(start));
        }
        return tokens;
    }
}
