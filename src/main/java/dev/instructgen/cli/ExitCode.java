package dev.instructgen.cli;

/** Process exit codes of the product contract (PRODUCT.md, "Build and run"). */
public final class ExitCode {

    /** Done. */
    public static final int OK = 0;
    /** Failed: unexpected error, or the teacher is permanently unusable. */
    public static final int FAILED = 1;
    /** Bad usage or bad input; the message names file, line and what was expected. */
    public static final int BAD_INPUT = 2;
    /** Stopped early but resumable: budget reached, interrupted, teacher unavailable past the patience. */
    public static final int STOPPED_RESUMABLE = 3;

    private ExitCode() {
    }
}
