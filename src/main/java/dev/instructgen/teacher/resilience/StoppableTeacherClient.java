package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;

/**
 * The outermost layer of the stack: every layer beneath waits through one {@link CancellableSleeper}, and
 * {@link #stopWaiting()} cancels it, so a stopping run does not sit out a minute of backoff.
 */
public final class StoppableTeacherClient implements TeacherClient {

    private final TeacherClient delegate;
    private final CancellableSleeper waits;

    public StoppableTeacherClient(TeacherClient delegate, CancellableSleeper waits) {
        this.delegate = delegate;
        this.waits = waits;
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        return delegate.complete(request);
    }

    @Override
    public void stopWaiting() {
        waits.cancel();
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
