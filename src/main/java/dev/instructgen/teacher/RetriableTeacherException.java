package dev.instructgen.teacher;

import java.time.Duration;
import java.util.Optional;

/** A failure another attempt may fix: 429, 5xx, timeouts, connection failures, broken or empty bodies. */
public final class RetriableTeacherException extends RequestFailedException {

    private final Duration retryAfter;

    public RetriableTeacherException(FaultKind kind, String message, Duration retryAfter, Throwable cause) {
        super(kind, message, cause);
        if (!kind.worthRetrying()) {
            throw new IllegalArgumentException(kind + " is never retried: use PromptRejectedException");
        }
        this.retryAfter = retryAfter;
    }

    /** The server's Retry-After, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
