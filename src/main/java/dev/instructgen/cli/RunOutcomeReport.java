package dev.instructgen.cli;

import dev.instructgen.pipeline.RunOutcome;
import dev.instructgen.pipeline.StopReason;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.TeacherUnavailableException;

import java.io.PrintWriter;
import java.time.Duration;

/** How a generating command ends: its last line and its exit code, the same for every command. */
final class RunOutcomeReport {

    private RunOutcomeReport() {
    }

    /**
     * Typed teacher failures and bugs are rethrown to the one exit-code mapper; everything else prints one line.
     *
     * @param done the line printed when the run completed
     */
    static int report(RunOutcome outcome, String done, PrintWriter out, PrintWriter err) {
        if (outcome.reason() == StopReason.TEACHER_FATAL && outcome.failure() instanceof FatalTeacherException e) {
            throw e;
        }
        if (outcome.reason() == StopReason.TEACHER_UNAVAILABLE
                && outcome.failure() instanceof TeacherUnavailableException e) {
            throw e;
        }
        if (outcome.reason() == StopReason.ERROR && outcome.failure() instanceof RuntimeException e) {
            throw e;
        }
        String detail = outcome.detail().isEmpty() ? outcome.reason().key() : outcome.detail();
        if (outcome.exitCode() == ExitCode.OK) {
            out.println(done);
        } else if (outcome.reason() == StopReason.BUDGET_COST || outcome.reason() == StopReason.BUDGET_TOKENS) {
            // the same command would stop again at once: a budget stop continues only with a higher limit
            String option = outcome.reason() == StopReason.BUDGET_COST ? "--max-cost" : "--max-tokens";
            err.println("stopped: " + detail + " (rerun with a higher " + option + " to continue)");
        } else if (outcome.reason().resumable()) {
            err.println("stopped: " + detail + " (run the same command again to resume)");
        } else {
            err.println("error: " + detail);
        }
        out.flush();
        err.flush();
        return outcome.exitCode();
    }

    /** Interrupted or out of budget, in-flight requests (already paid for) may finish within this. */
    static Duration graceFor(Duration timeout) {
        return timeout.compareTo(Duration.ofSeconds(60)) < 0 ? timeout : Duration.ofSeconds(60);
    }
}
