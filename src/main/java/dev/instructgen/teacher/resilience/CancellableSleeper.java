package dev.instructgen.teacher.resilience;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * A {@link Sleeper} whose waits a stopping run can end: {@link #cancel()} wakes every thread sleeping in it, and
 * every later wait, with an {@link InterruptedException} (which {@link Sleeper#sleepOrCancel} turns into a
 * cancellation). Only waits are interrupted, never a call on the wire, so the requests in flight after Ctrl-C
 * still finish within the grace period while those that were only waiting to retry end at once.
 */
public final class CancellableSleeper implements Sleeper {

    private final Sleeper delegate;
    private final Set<Thread> sleeping = new HashSet<>();
    private boolean cancelled;

    public CancellableSleeper(Sleeper delegate) {
        this.delegate = delegate;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        await(() -> {
            delegate.sleep(duration);
            return null;
        });
    }

    /** A wait that ends by returning or by an interrupt. */
    @FunctionalInterface
    public interface Wait<T> {
        T await() throws InterruptedException;
    }

    /**
     * Any other wait of a call that is not on the wire yet (e.g. for a request slot), ended like a sleep by
     * {@link #cancel()}; after a cancel it throws at once, so a stopping run sends nothing new.
     */
    public <T> T await(Wait<T> wait) throws InterruptedException {
        Thread me = Thread.currentThread();
        synchronized (sleeping) {
            if (cancelled) {
                throw new InterruptedException("the run is stopping");
            }
            sleeping.add(me);
        }
        try {
            return wait.await();
        } finally {
            synchronized (sleeping) {
                sleeping.remove(me);
                if (cancelled) {
                    // cancel() may have interrupted this thread just as its wait ended: clear the flag so it
                    // cannot hit the next call on the wire, and end the wait as cancelled all the same.
                    Thread.interrupted();
                    throw new InterruptedException("the run is stopping");
                }
            }
        }
    }

    /** Ends all current and future waits. */
    public void cancel() {
        synchronized (sleeping) {
            cancelled = true;
            sleeping.forEach(Thread::interrupt);
        }
    }
}
