package dev.instructgen.teacher.http;

import dev.langchain4j.exception.HttpException;

import java.util.Optional;

/**
 * An HTTP error status that keeps the server's {@code Retry-After} header. LangChain4j's own
 * {@link HttpException} keeps only status and body; this subclass survives LangChain4j's error mapping as the
 * root cause, so the failure mapper can still read the header and the retry layer can honour it.
 */
public final class RetryAfterHttpException extends HttpException {

    private final String retryAfter;

    public RetryAfterHttpException(int statusCode, String body, String retryAfter) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
    }

    /** The raw header value (delta-seconds or an HTTP date), when the server sent one. */
    public Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
