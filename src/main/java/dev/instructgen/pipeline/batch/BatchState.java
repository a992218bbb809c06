package dev.instructgen.pipeline.batch;

import java.util.Locale;

/**
 * The states of a batch on the server, as the OpenAI Batch API names them (the {@code status} of a batch object):
 * a batch is {@code validating} while its input file is checked, {@code in_progress} while its requests run,
 * {@code finalizing} while the output files are written, then ends {@code completed}, {@code failed} (the input
 * was refused), {@code expired} (the 24h window passed; the requests done so far are in the output file) or
 * {@code cancelled} (after {@code cancelling}).
 */
public enum BatchState {
    VALIDATING,
    IN_PROGRESS,
    FINALIZING,
    COMPLETED,
    FAILED,
    EXPIRED,
    CANCELLING,
    CANCELLED;

    /** Whether the batch will not change any more, so its files can be downloaded. */
    public boolean terminal() {
        return this == COMPLETED || this == FAILED || this == EXPIRED || this == CANCELLED;
    }

    /** The wire name, e.g. "in_progress". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state of a wire name; an unknown name reads as in progress, so a new server state only delays us. */
    public static BatchState of(String key) {
        if (key == null) {
            return IN_PROGRESS;
        }
        try {
            return valueOf(key.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return IN_PROGRESS;
        }
    }
}
