package dev.instructgen.dataset;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a dataset file, printed the way compilers do so that editors can jump to it.
 *
 * @param line 1-based line in the file; 0 when the problem concerns the whole file
 */
public record DatasetProblem(Path file, int line, String message) {

    public DatasetProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line: message}, or {@code file: message} for a whole-file problem. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
