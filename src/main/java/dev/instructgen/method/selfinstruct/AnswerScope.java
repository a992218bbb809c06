package dev.instructgen.method.selfinstruct;

import java.util.Locale;

/**
 * Which instances the answer pass ({@code --answer-pass}) answers again. Classification instances are written
 * output-first, the label before the input, so the input fits the label (Wang et al. 2023, §2.2): answering them
 * again would undo that, so by default they keep their label.
 */
public enum AnswerScope {

    /** {@code --answer-pass} or {@code --answer-pass=on}: every instance except classification ones. */
    NON_CLASSIFICATION("on"),
    /** {@code --answer-pass=all}: classification instances too. */
    ALL("all");

    private final String key;

    AnswerScope(String key) {
        this.key = key;
    }

    /** The option's value, as the manifest records it. */
    public String key() {
        return key;
    }

    /** Whether an instance of a task of this kind is answered again. */
    public boolean covers(boolean isClassification) {
        return this == ALL || !isClassification;
    }

    /** In words, for the settings table and the dataset card. */
    public String describe() {
        return this == ALL ? "every instance" : "non-classification instances (classification keeps its label)";
    }

    /**
     * The value of {@code --answer-pass}: {@code on} (also {@code true}, as a config file may write it) or
     * {@code all}; {@code off} (also {@code false}) is null, no answer pass.
     *
     * @throws IllegalArgumentException naming the values expected
     */
    public static AnswerScope parse(String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "on", "true", "non-classification" -> NON_CLASSIFICATION;
            case "all" -> ALL;
            case "off", "false" -> null;
            default -> throw new IllegalArgumentException("'" + value + "' is not an answer-pass scope (expected on, "
                    + "all or off)");
        };
    }
}
