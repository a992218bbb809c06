package dev.instructgen.teacher;

/**
 * The server refused this one prompt for good (longer than the model's context, {@link FaultKind#PROMPT_TOO_LONG}):
 * never retried, and only this request is dropped, since other prompts fit.
 */
public final class PromptRejectedException extends RequestFailedException {

    public PromptRejectedException(FaultKind kind, String message, Throwable cause) {
        super(kind, message, cause);
        if (kind.worthRetrying()) {
            throw new IllegalArgumentException(kind + " is worth retrying: use RetriableTeacherException");
        }
    }
}
