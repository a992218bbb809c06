package dev.instructgen.teacher;

/**
 * A failure no retry can fix (400, 401, 403, 404): the run stops at once with exit 1.
 * The message is one line a user can act on, e.g. "model 'llama3:8x' not found at localhost:11434 (HTTP 404)".
 */
public final class FatalTeacherException extends TeacherException {

    private final int httpStatus;

    public FatalTeacherException(int httpStatus, String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
    }

    /** HTTP status, or 0 when the failure did not come from an HTTP status. */
    public int httpStatus() {
        return httpStatus;
    }
}
