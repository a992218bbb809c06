package dev.instructgen.teacher;

/** Base of every failure a teacher call can end in. Messages never contain secrets. */
public abstract sealed class TeacherException extends RuntimeException
        permits RequestFailedException, FatalTeacherException, TeacherUnavailableException {

    protected TeacherException(String message, Throwable cause) {
        super(message, cause);
    }
}
