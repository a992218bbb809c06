package dev.instructgen.teacher;

import java.util.Locale;

/** Wire formats we speak. */
public enum TeacherApi {
    /** OpenAI-compatible {@code /v1/chat/completions}: OpenAI, vLLM, llama.cpp server, LM Studio, ... */
    OPENAI,
    /** Ollama's native {@code /api/chat} */
    OLLAMA;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
