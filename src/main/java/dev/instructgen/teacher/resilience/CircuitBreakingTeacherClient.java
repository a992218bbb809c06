package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.PromptRejectedException;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TeacherUnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stops hammering a teacher that is down. A Resilience4j {@link CircuitBreaker} counts attempts that could not
 * reach the teacher (connection failures, timeouts, 5xx); once it opens, attempts wait here without touching
 * the network, one probe goes through in half-open state, and traffic resumes when a probe succeeds. Waiting
 * here does not use up retry attempts: the retry layer sits outside.
 *
 * <p>Patience: from the first such failure after the teacher last answered, the teacher has {@code patience} to
 * answer again; past that every waiting and new request ends in {@link TeacherUnavailableException}, which stops
 * the run resumable (exit 3). Any answer (even a 429 or a 404) proves the endpoint is reachable.
 */
public final class CircuitBreakingTeacherClient implements TeacherClient {

    private static final Set<FaultKind> UNREACHABLE =
            EnumSet.of(FaultKind.CONNECTION, FaultKind.TIMEOUT, FaultKind.SERVER_ERROR);

    private final TeacherClient delegate;
    private final CircuitBreaker breaker;
    private final Duration patience;
    private final Duration pollInterval;
    private final Clock clock;
    private final Sleeper sleeper;
    private final AtomicReference<Instant> unreachableSince = new AtomicReference<>();
    private final AtomicReference<String> lastFault = new AtomicReference<>("no answer");

    public CircuitBreakingTeacherClient(TeacherClient delegate, BreakerPolicy policy, Duration patience,
                                        Clock clock, Sleeper sleeper) {
        this.delegate = delegate;
        this.patience = patience;
        this.pollInterval = policy.pollInterval();
        this.clock = clock;
        this.sleeper = sleeper;
        this.breaker = CircuitBreaker.of("teacher", CircuitBreakerConfig.custom()
                .slidingWindow(policy.windowSize(), policy.minimumCalls(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(policy.failureRatePct())
                .waitIntervalFunctionInOpenState(
                        IntervalFunction.ofExponentialBackoff(policy.firstOpenWait(), 2.0, policy.maxOpenWait()))
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(CircuitBreakingTeacherClient::meansUnreachable)
                .writableStackTraceEnabled(false)
                .clock(clock)
                .build());
    }

    static boolean meansUnreachable(Throwable failure) {
        return failure instanceof RetriableTeacherException fault && UNREACHABLE.contains(fault.kind());
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        while (true) {
            if (!breaker.tryAcquirePermission()) {
                // Patience is only judged while the breaker holds attempts back or after a failed one: an attempt
                // the breaker lets through is always made, however long ago the last failure was.
                unreachableSince.compareAndSet(null, clock.instant());
                checkPatience(null);
                Sleeper.sleepOrCancel(sleeper, pollInterval);
                continue;
            }
            long start = breaker.getCurrentTimestamp();
            try {
                TeacherReply reply = delegate.complete(request);
                breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
                unreachableSince.set(null);
                return reply;
            } catch (RetriableTeacherException fault) {
                breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), fault);
                if (meansUnreachable(fault)) {
                    lastFault.set(fault.getMessage());
                    unreachableSince.compareAndSet(null, clock.instant());
                    checkPatience(fault);
                } else {
                    unreachableSince.set(null);
                }
                throw fault;
            } catch (FatalTeacherException | PromptRejectedException answered) {
                // A 4xx answer is useless but proves the endpoint is up.
                breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
                unreachableSince.set(null);
                throw answered;
            } catch (RuntimeException other) {
                // A cancellation says nothing about the endpoint.
                breaker.releasePermission();
                throw other;
            }
        }
    }

    private void checkPatience(Throwable cause) {
        Instant since = unreachableSince.get();
        if (since == null) {
            return;
        }
        Duration down = Duration.between(since, clock.instant());
        if (down.compareTo(patience) >= 0) {
            throw new TeacherUnavailableException("the teacher at " + identity().host() + " has been unreachable for "
                    + human(down) + " (--patience " + human(patience) + "); last error: " + lastFault.get(), cause);
        }
    }

    private static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds >= 60 && seconds % 60 == 0) {
            return (seconds / 60) + "m";
        }
        return seconds > 0 ? seconds + "s" : d.toMillis() + "ms";
    }

    /** The breaker's state, for progress output and tests. */
    public CircuitBreaker.State state() {
        return breaker.getState();
    }

    @Override
    public TeacherIdentity identity() {
        return delegate.identity();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
