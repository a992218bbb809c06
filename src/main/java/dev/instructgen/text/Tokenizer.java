package dev.instructgen.text;

import java.util.List;

/** Splits text into the tokens ROUGE-L compares. Implementations are stateless and thread-safe. */
public interface Tokenizer {

    List<String> tokenize(String text);

    /** Creates the tokenizer of the given kind. */
    static Tokenizer of(TokenizerKind kind) {
        return switch (kind) {
            case ROUGE_SCORE -> new RougeScoreTokenizer();
            case UNICODE -> new UnicodeTokenizer();
        };
    }
}
