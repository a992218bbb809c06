package dev.instructgen.cli;

import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.TeacherUnavailableException;
import picocli.CommandLine;

/**
 * The one place where exceptions become exit codes and console messages. User errors print one line and no
 * stack trace; {@code --verbose} on a command adds the trace.
 */
final class ExceptionExitCodeMapper implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        int code;
        if (ex instanceof BadInputException) {
            err.println("error: " + ex.getMessage());
            code = ExitCode.BAD_INPUT;
        } else if (ex instanceof FatalTeacherException) {
            err.println("error: " + ex.getMessage());
            code = ExitCode.FAILED;
        } else if (ex instanceof TeacherUnavailableException) {
            err.println("stopped: " + ex.getMessage() + " (run the same command again to resume)");
            code = ExitCode.STOPPED_RESUMABLE;
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

    private static boolean isVerbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
