package dev.instructgen.error;

/**
 * Bad usage or bad input: exits with code 2 and prints the message alone, never a stack trace.
 * The message names the file and line where there is one, and what was expected.
 */
public class BadInputException extends RuntimeException {

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
