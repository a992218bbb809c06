package dev.instructgen.pipeline;

import dev.instructgen.error.BadInputException;

import java.util.Optional;

/**
 * Spending limits of a run (--max-cost, --max-tokens). Reaching one stops the run resumable (exit 3); the user
 * continues it with a higher limit, since limits are not part of the settings compared on resume.
 *
 * @param maxCostUsd estimated US dollars, or null for no limit
 * @param maxTokens  prompt plus completion tokens, or null for no limit
 */
public record Budget(Double maxCostUsd, Long maxTokens) {

    public static final Budget UNLIMITED = new Budget(null, null);

    public Budget {
        if (maxCostUsd != null && !(maxCostUsd > 0)) {
            throw new BadInputException("--max-cost must be a positive number of US dollars, was " + maxCostUsd);
        }
        if (maxTokens != null && maxTokens < 1) {
            throw new BadInputException("--max-tokens must be positive, was " + maxTokens);
        }
    }

    /** The limit reached by the run so far, if any. */
    public Optional<StopReason> exceededBy(RunStats stats) {
        // a nano-dollar of slack absorbs floating-point drift from summing many small per-call costs
        if (maxCostUsd != null && stats.costUsd() + 1e-9 >= maxCostUsd) {
            return Optional.of(StopReason.BUDGET_COST);
        }
        if (maxTokens != null && stats.totalTokens() >= maxTokens) {
            return Optional.of(StopReason.BUDGET_TOKENS);
        }
        return Optional.empty();
    }

    /** A one-line description of the limit behind {@code reason}, for the end-of-run message. */
    public String describe(StopReason reason) {
        return switch (reason) {
            case BUDGET_COST -> String.format(java.util.Locale.ROOT, "cost budget of $%.4f reached", maxCostUsd);
            case BUDGET_TOKENS -> "token budget of " + maxTokens + " reached";
            default -> reason.key();
        };
    }

    /** As {@link #describe(StopReason)}, with what the run has spent in all its sessions. */
    public String describe(StopReason reason, RunStats stats) {
        return switch (reason) {
            case BUDGET_COST -> describe(reason)
                    + String.format(java.util.Locale.ROOT, ", $%.4f spent", stats.costUsd());
            case BUDGET_TOKENS -> describe(reason) + ", " + stats.totalTokens() + " tokens used";
            default -> describe(reason);
        };
    }
}
