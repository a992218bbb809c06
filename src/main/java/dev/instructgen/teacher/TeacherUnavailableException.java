package dev.instructgen.teacher;

/** The teacher stayed unreachable past the patience limit: the run stops resumable (exit 3). */
public final class TeacherUnavailableException extends TeacherException {

    public TeacherUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
