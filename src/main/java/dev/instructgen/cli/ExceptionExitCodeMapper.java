package dev.instructgen.cli;

import dev.instructgen.error.BadInputException;
import dev.instructgen.error.StorageException;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.TeacherUnavailableException;
import picocli.CommandLine;

import java.io.UncheckedIOException;

/**
 * The one place where exceptions become exit codes and console messages. User errors print one line and no
 * stack trace; {@code --verbose} on a command adds the trace.
 *
 * <ul>
 *   <li>{@link BadInputException}: exit 2, bad usage or input;</li>
 *   <li>{@link StorageException}: a full disk under a run directory stops resumably (exit 3), any other failure
 *       to read or write a file exits 1; both name the file;</li>
 *   <li>teacher failures: fatal exit 1, unavailable past the patience exit 3;</li>
 *   <li>anything else is a bug: exit 1, "unexpected failure".</li>
 * </ul>
 * Storage failures are looked for among the causes too, since a worker thread or a stream may wrap them.
 */
final class ExceptionExitCodeMapper implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        int code;
        StorageException storage = find(ex, StorageException.class);
        UncheckedIOException io = find(ex, UncheckedIOException.class);
        if (ex instanceof BadInputException) {
            err.println("error: " + ex.getMessage());
            code = ExitCode.BAD_INPUT;
        } else if (storage != null && storage.resumable()) {
            err.println("stopped: " + storage.getMessage()
                    + " (free some space, then run the same command again to resume)");
            code = ExitCode.STOPPED_RESUMABLE;
        } else if (storage != null) {
            err.println("error: " + storage.getMessage());
            code = ExitCode.FAILED;
        } else if (ex instanceof FatalTeacherException) {
            err.println("error: " + ex.getMessage());
            code = ExitCode.FAILED;
        } else if (ex instanceof TeacherUnavailableException) {
            err.println("stopped: " + ex.getMessage() + " (run the same command again to resume)");
            code = ExitCode.STOPPED_RESUMABLE;
        } else if (io != null && io.getMessage() != null && !io.getMessage().startsWith("java.")) {
            // an I/O failure some library wrapped with a message of its own: that message, not the class name
            err.println("error: " + io.getMessage());
            code = ExitCode.FAILED;
        } else {
            err.println("error: unexpected failure: " + ex);
            code = ExitCode.FAILED;
        }
        if (isVerbose(parsed)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static boolean isVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
