package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;

import java.util.concurrent.CancellationException;

/**
 * Holds an {@link AdaptiveConcurrencyLimiter} slot for each attempt and feeds its outcome back. This is what bounds
 * the requests on the wire: the engine may run more jobs than slots while some of them wait between retries.
 */
public final class AdaptiveConcurrencyTeacherClient implements TeacherClient {

    private final TeacherClient delegate;
    private final AdaptiveConcurrencyLimiter limiter;

    private final CancellableSleeper waits;

    public AdaptiveConcurrencyTeacherClient(TeacherClient delegate, AdaptiveConcurrencyLimiter limiter) {
        this(delegate, limiter, null);
    }

    /**
     * @param waits ends the wait for a slot when the run stops (the engine may run more jobs than there are slots,
     *              and a job still waiting for one has sent nothing worth finishing); null: wait uninterrupted
     */
    public AdaptiveConcurrencyTeacherClient(TeacherClient delegate, AdaptiveConcurrencyLimiter limiter,
                                            CancellableSleeper waits) {
        this.delegate = delegate;
        this.limiter = limiter;
        this.waits = waits;
    }

    private AdaptiveConcurrencyLimiter.Permit acquire() {
        if (waits == null) {
            return limiter.acquire();
        }
        try {
            return waits.await(limiter::acquireInterruptibly);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("the run stopped before this request was sent");
            cancelled.initCause(e);
            throw cancelled;
        }
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        AdaptiveConcurrencyLimiter.Permit permit = acquire();
        try {
            TeacherReply reply = delegate.complete(request);
            limiter.onSuccess(permit);
            return reply;
        } catch (RetriableTeacherException fault) {
            if (fault.kind() == FaultKind.RATE_LIMITED) {
                limiter.onRateLimited(permit);
            } else {
                limiter.onOther(permit);
            }
            throw fault;
        } catch (RuntimeException other) {
            limiter.onOther(permit);
            throw other;
        }
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
