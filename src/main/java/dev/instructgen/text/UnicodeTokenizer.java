package dev.instructgen.text;

import java.util.ArrayList;
import java.util.List;

/**
 * PROVISIONAL (the text package owner completes it): letters and digits of any script, lowercased; scripts
 * written without spaces one token per character. Identical to {@link RougeScoreTokenizer} on ASCII text.
 */
public final class UnicodeTokenizer implements Tokenizer {

    @Override
    public List<String> tokenize(String text) {
        return new RougeScoreTokenizer().tokenize(text);
    }
}
