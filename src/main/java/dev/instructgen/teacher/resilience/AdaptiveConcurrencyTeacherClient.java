package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;

/** Holds an {@link AdaptiveConcurrencyLimiter} slot for each attempt and feeds its outcome back. */
public final class AdaptiveConcurrencyTeacherClient implements TeacherClient {

    private final TeacherClient delegate;
    private final AdaptiveConcurrencyLimiter limiter;

    public AdaptiveConcurrencyTeacherClient(TeacherClient delegate, AdaptiveConcurrencyLimiter limiter) {
        this.delegate = delegate;
        this.limiter = limiter;
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        AdaptiveConcurrencyLimiter.Permit permit = limiter.acquire();
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
