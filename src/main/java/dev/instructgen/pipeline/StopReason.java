package dev.instructgen.pipeline;

import java.util.Locale;

/**
 * Why a run ended, with the status written to stats.json and the process exit code of PRODUCT.md
 * (0 done, 1 failed, 3 stopped but resumable).
 */
public enum StopReason {
    TARGET_REACHED(Status.COMPLETED, 0),
    /** The source has nothing left to do (e.g. every Evol-Instruct round is done). */
    SOURCE_EXHAUSTED(Status.COMPLETED, 0),
    /** Nothing in flight, nothing queued and the source proposes nothing: the run cannot progress. */
    STALLED(Status.FAILED, 1),
    BUDGET_COST(Status.STOPPED, 3),
    BUDGET_TOKENS(Status.STOPPED, 3),
    INTERRUPTED(Status.STOPPED, 3),
    TEACHER_UNAVAILABLE(Status.STOPPED, 3),
    /**
     * Request after request failed even after its retries (empty or malformed replies, prompts too long): the
     * teacher answers but not usefully, and another run would fare no better.
     */
    TEACHER_FAILING(Status.FAILED, 1),
    /** The teacher refused for good (bad key, unknown model, bad request). */
    TEACHER_FATAL(Status.FAILED, 1),
    /** A bug or an I/O failure of our own. */
    ERROR(Status.FAILED, 1);

    /** The run's status as stats.json reports it. */
    public enum Status {
        RUNNING, COMPLETED, STOPPED, FAILED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Status status;
    private final int exitCode;

    StopReason(Status status, int exitCode) {
        this.status = status;
        this.exitCode = exitCode;
    }

    public Status status() {
        return status;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The code written to stats.json, e.g. "budget_cost". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Stops that a later run with the same command can continue from. */
    public boolean resumable() {
        return status == Status.STOPPED;
    }
}
