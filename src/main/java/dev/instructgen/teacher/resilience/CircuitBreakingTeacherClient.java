package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.PromptRejectedException;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
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
    private final Patience patience;
    private final Duration pollInterval;
    private final Sleeper sleeper;
    private final AtomicReference<String> lastFault = new AtomicReference<>("no answer");

    public CircuitBreakingTeacherClient(TeacherClient delegate, BreakerPolicy policy, Duration patience,
                                        Clock clock, Sleeper sleeper) {
        this(delegate, policy, new Patience(patience, clock), clock, sleeper);
    }

    /** @param patience shared with the retry layer, which then never sleeps past it */
    public CircuitBreakingTeacherClient(TeacherClient delegate, BreakerPolicy policy, Patience patience,
                                        Clock clock, Sleeper sleeper) {
        this.delegate = delegate;
        this.patience = patience;
        this.pollInterval = policy.pollInterval();
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
            Instant held = patience.now();
            if (!breaker.tryAcquirePermission()) {
                // Patience is only judged while the breaker holds attempts back or after a failed one: an attempt
                // the breaker lets through is always made, however long ago the last failure was.
                patience.noAnswer(held);
                patience.check(identity().host(), lastFault.get(), null);
                Sleeper.sleepOrCancel(sleeper, pollInterval);
                continue;
            }
            Instant sent = patience.now();
            long start = breaker.getCurrentTimestamp();
            try {
                TeacherReply reply = delegate.complete(request);
                breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
                patience.answered();
                return reply;
            } catch (RetriableTeacherException fault) {
                breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), fault);
                if (meansUnreachable(fault)) {
                    lastFault.set(fault.getMessage());
                    patience.noAnswer(sent);
                    patience.check(identity().host(), lastFault.get(), fault);
                } else {
                    patience.answered();
                }
                throw fault;
            } catch (FatalTeacherException | PromptRejectedException answered) {
                // A 4xx answer is useless but proves the endpoint is up.
                breaker.onSuccess(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit());
                patience.answered();
                throw answered;
            } catch (RuntimeException other) {
                // A cancellation says nothing about the endpoint.
                breaker.releasePermission();
                throw other;
            }
        }
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
