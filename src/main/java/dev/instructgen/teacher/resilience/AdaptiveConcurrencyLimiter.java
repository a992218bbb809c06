package dev.instructgen.teacher.resilience;

import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A semaphore whose size adapts to rate limiting by additive-increase / multiplicative-decrease (AIMD, as in
 * TCP congestion avoidance, RFC 5681; Chiu and Jain 1989): a 429 halves the limit, and every {@code limit}
 * successes (one full window) raise it by one, never above the configured maximum nor below 1.
 *
 * <p>A burst of 429s halves the limit once, not once per 429: each permit remembers the generation of the limit
 * it was taken under, and only a 429 on a permit of the current generation cuts. Requests that were already in
 * flight under the old, higher limit report congestion we have already reacted to.
 */
public final class AdaptiveConcurrencyLimiter {

    /** A slot held by one attempt in flight. */
    public record Permit(long generation) {
    }

    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private int limit;
    private int inFlight;
    private long generation;
    private int successesAtLimit;

    public AdaptiveConcurrencyLimiter(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        this.max = max;
        this.limit = max;
    }

    /** Blocks until fewer than {@link #limit()} attempts are in flight. */
    public Permit acquire() {
        try {
            return acquireInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a teacher slot");
        }
    }

    /** As {@link #acquire()}, ending the wait with the interrupt. */
    public Permit acquireInterruptibly() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (inFlight >= limit) {
                released.await();
            }
            inFlight++;
            return new Permit(generation);
        } finally {
            lock.unlock();
        }
    }

    /** The attempt succeeded: additive increase, one slot per full window of successes. */
    public void onSuccess(Permit permit) {
        lock.lock();
        try {
            release();
            if (limit < max && ++successesAtLimit >= limit) {
                limit++;
                successesAtLimit = 0;
                released.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The attempt was rate limited (429): multiplicative decrease, once per generation. */
    public void onRateLimited(Permit permit) {
        lock.lock();
        try {
            release();
            if (permit.generation() == generation) {
                limit = Math.max(1, limit / 2);
                generation++;
                successesAtLimit = 0;
            }
        } finally {
            lock.unlock();
        }
    }

    /** The attempt ended some other way; says nothing about rate limits. */
    public void onOther(Permit permit) {
        lock.lock();
        try {
            release();
        } finally {
            lock.unlock();
        }
    }

    private void release() {
        inFlight--;
        released.signal();
    }

    public int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
