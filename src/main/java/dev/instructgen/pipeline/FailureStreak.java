package dev.instructgen.pipeline;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.RequestFailedException;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Bounds how many requests in a row may fail after their retries. One failed request only drops its job, but a
 * teacher that answers every request with empty or malformed content (or refuses every prompt as too long)
 * never trips the breaker or the patience, since it does answer: without a bound the run would go on forever.
 *
 * <p>Before any job has succeeded, {@value #BEFORE_FIRST_SUCCESS} failures in a row end the run (a job there
 * runs alone, and each takes about 1.5 minutes of retries); after that, twice the concurrency (at least
 * {@value #AFTER_FIRST_SUCCESS}), so one unlucky wave of parallel requests is not mistaken for a broken teacher.
 * A streak of transient faults only (5xx, timeouts, connection, 429) stops resumable (exit 3); any content
 * fault in it means another run would fare no better (exit 1).
 */
final class FailureStreak {

    static final int BEFORE_FIRST_SUCCESS = 5;
    static final int AFTER_FIRST_SUCCESS = 10;

    private final int limitAfterWarmUp;
    private final Map<FaultKind, Integer> kinds = new EnumMap<>(FaultKind.class);
    private int length;

    FailureStreak(int concurrency) {
        this.limitAfterWarmUp = Math.max(AFTER_FIRST_SUCCESS, 2 * concurrency);
    }

    synchronized void succeeded() {
        length = 0;
        kinds.clear();
    }

    /** Counts a failed request; the stop to make when the streak is too long. */
    synchronized Optional<RunOutcome> failed(RequestFailedException failure, boolean warmedUp) {
        length++;
        kinds.merge(failure.kind(), 1, Integer::sum);
        int limit = warmedUp ? limitAfterWarmUp : BEFORE_FIRST_SUCCESS;
        if (length < limit) {
            return Optional.empty();
        }
        boolean transientOnly = kinds.keySet().stream().allMatch(FailureStreak::isTransient);
        String counted = kinds.entrySet().stream()
                .map(e -> e.getKey().key() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String detail = "the last " + length + " teacher requests all failed after their retries (" + counted
                + "); last: " + failure.getMessage();
        return Optional.of(new RunOutcome(transientOnly ? StopReason.TEACHER_UNAVAILABLE : StopReason.TEACHER_FAILING,
                detail, failure));
    }

    private static boolean isTransient(FaultKind kind) {
        return switch (kind) {
            case RATE_LIMITED, SERVER_ERROR, TIMEOUT, CONNECTION -> true;
            case MALFORMED_RESPONSE, EMPTY_CONTENT, PROMPT_TOO_LONG -> false;
        };
    }
}
