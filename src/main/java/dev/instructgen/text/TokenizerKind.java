package dev.instructgen.text;

/** The tokenizers a user can choose with {@code --tokenizer}. */
public enum TokenizerKind {
    /** Exactly the rouge_score package's default: lowercase, runs outside [a-z0-9] split, no stemming. */
    ROUGE_SCORE("rouge-score"),
    /** Letters and digits of any script; unspaced scripts (CJK, Thai, ...) one token per character. */
    UNICODE("unicode");

    private final String cliName;

    TokenizerKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static TokenizerKind fromCliName(String name) {
        for (TokenizerKind kind : values()) {
            if (kind.cliName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown tokenizer '" + name + "' (expected rouge-score or unicode)");
    }
}
