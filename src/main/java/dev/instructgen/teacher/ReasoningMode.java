package dev.instructgen.teacher;

import java.util.Locale;

/**
 * {@code --reasoning}: what to do about models that think before they answer (Qwen3, DeepSeek-R1, gpt-oss, ...).
 * See docs/teacher.md, "Reasoning models", for which server honours which switch.
 */
public enum ReasoningMode {
    /** send each server's switch that turns thinking off */
    OFF,
    /** the model reasons: raise the short stages' token limits from the first request */
    ON,
    /** leave the server's default; raise the short limits once a reply shows reasoning */
    AUTO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
