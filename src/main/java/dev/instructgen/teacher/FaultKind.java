package dev.instructgen.teacher;

import java.util.Locale;

/**
 * Kinds of failure that end one request but not the run, counted separately in stats.json. All but
 * {@link #PROMPT_TOO_LONG} are transient and retried.
 */
public enum FaultKind {
    RATE_LIMITED,
    SERVER_ERROR,
    TIMEOUT,
    CONNECTION,
    MALFORMED_RESPONSE,
    EMPTY_CONTENT,
    /**
     * The server refused this one prompt as longer than the model's context (an HTTP 400 from vLLM, OpenAI or
     * llama.cpp). Retrying cannot help and other prompts are fine, so only this request is dropped: evolved
     * prompts grow every round, and one of them must not end an overnight run.
     */
    PROMPT_TOO_LONG;

    /** Whether another attempt of the same request can succeed. */
    public boolean worthRetrying() {
        return this != PROMPT_TOO_LONG;
    }

    /**
     * The server answered, but with nothing usable (empty text, a body that is not the reply). Unlike a 5xx or a
     * timeout this rarely clears by waiting: the same model given the same prompt tends to answer the same way,
     * so such a request is given fewer attempts (see RetryingTeacherClient).
     */
    public boolean isUnusableAnswer() {
        return this == EMPTY_CONTENT || this == MALFORMED_RESPONSE;
    }

    /** The key used in stats.json, e.g. "rate_limited". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
