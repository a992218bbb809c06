package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.BackoffObserver;
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
    private final BackoffSignal backoffs;

    public StoppableTeacherClient(TeacherClient delegate, CancellableSleeper waits) {
        this(delegate, waits, null);
    }

    /** @param backoffs where the retry layer below reports its backoffs, or null when it reports none */
    public StoppableTeacherClient(TeacherClient delegate, CancellableSleeper waits, BackoffSignal backoffs) {
        this.delegate = delegate;
        this.waits = waits;
        this.backoffs = backoffs;
    }

    @Override
    public boolean observeBackoffs(BackoffObserver observer) {
        if (backoffs == null) {
            return false;
        }
        backoffs.attach(observer);
        return true;
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
