package dev.instructgen.teacher;

import java.util.Locale;

/**
 * {@code --structured}: whether stages whose reply has a fixed shape ask the server for JSON matching a schema
 * (OpenAI-compatible {@code response_format}, Ollama {@code format}). A server that rejects it is asked without it
 * for the rest of the run, and the text parsers read its replies.
 */
public enum StructuredMode {
    /** where the server is known to support it: Ollama, OpenAI, and local OpenAI-compatible servers */
    AUTO,
    /** on every server (a rejection still falls back) */
    ON,
    /** never: the text parsers read every reply */
    OFF;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
