package dev.instructgen.pipeline;

import java.util.Objects;

/**
 * How a run ended: the reason, a one-line human detail, and the failure behind it if any (kept for
 * {@code --verbose} and for rethrowing typed teacher failures to the exit-code mapper).
 */
public record RunOutcome(StopReason reason, String detail, Throwable failure) {

    public RunOutcome {
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    public static RunOutcome of(StopReason reason, String detail) {
        return new RunOutcome(reason, detail, null);
    }

    public int exitCode() {
        return reason.exitCode();
    }
}
