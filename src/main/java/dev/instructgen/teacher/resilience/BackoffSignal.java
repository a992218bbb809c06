package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.BackoffObserver;

/**
 * Where the retry layer reports its backoffs: an observer attached late (the engine exists only after the stack
 * is built), {@link BackoffObserver#NONE} until then. Shared by {@link RetryingTeacherClient}, which reports, and
 * {@link StoppableTeacherClient}, through which the engine attaches.
 */
public final class BackoffSignal implements BackoffObserver {

    private volatile BackoffObserver observer = BackoffObserver.NONE;

    public void attach(BackoffObserver observer) {
        this.observer = observer;
    }

    @Override
    public void waiting() {
        observer.waiting();
    }

    @Override
    public void resumed() {
        observer.resumed();
    }
}
