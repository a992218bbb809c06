package dev.instructgen.pipeline;

import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.RequestFailedException;
import dev.instructgen.teacher.TeacherUnavailableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine: N worker threads keep up to N jobs (so N teacher requests) in flight across all stages.
 *
 * <p>Each idle worker takes the queued job with the lowest {@link Job#priority()} (first come first served within
 * a priority); only when the queue is empty does it ask the {@link JobSource} for new work. So downstream stages
 * run before more proposals, and the source can hold back when enough candidates are on their way. Blocking
 * workers rather than async callbacks keeps stage code plain and sequential; the teacher call dominates every
 * job, so one platform thread per in-flight request is cheap at the concurrencies we serve.
 *
 * <p>Until the first job has completed without a teacher failure, only one job runs at a time: a wrong model
 * name, a bad key or a wrong URL then costs exactly one request and one clear message, not one per worker.
 *
 * <p>Before starting each job a worker consults the stop check (target reached, budget spent). A fatal teacher
 * failure, an unavailable teacher or a bug stops the run; a request that failed after its retries only drops
 * that job. After a stop, in-flight jobs may finish within a grace period chosen by the caller.
 */
public final class Scheduler {

    private final int workers;
    private final Supplier<Optional<StopReason>> stopCheck;
    private final BiConsumer<Job, RuntimeException> onJobDropped;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Queued> queue = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final FailureStreak failures;
    private int inFlight;
    private int running;
    private boolean warmedUp;
    private RunOutcome outcome;
    private Runnable whenStopping = () -> { };

    /**
     * @param workers      jobs in flight at most (--concurrency)
     * @param stopCheck    consulted before each job; a present reason stops the run
     * @param onJobDropped told about each job dropped after a failed request (for warnings)
     */
    public Scheduler(int workers, Supplier<Optional<StopReason>> stopCheck,
                     BiConsumer<Job, RuntimeException> onJobDropped) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        this.workers = workers;
        this.stopCheck = stopCheck;
        this.onJobDropped = onJobDropped;
        this.failures = new FailureStreak(workers);
    }

    /**
     * What to do as soon as the run stops, before the grace period: the CLI ends the teacher's waits
     * ({@code TeacherClient::stopWaiting}), so a job that was only sleeping between retries does not hold the
     * exit back.
     */
    public void whenStopping(Runnable action) {
        this.whenStopping = action;
    }

    /** Queues a job; thread-safe, callable from inside running jobs. */
    public void submit(Job job) {
        lock.lock();
        try {
            queue.add(new Queued(job, sequence.getAndIncrement()));
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Asks the run to stop; the first reason wins. Thread-safe; used by signal handlers and budgets. */
    public void requestStop(StopReason reason, String detail) {
        stop(new RunOutcome(reason, detail, null));
    }

    /** Jobs running right now. */
    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }

    /** Jobs waiting in the queue. */
    public int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** True once a stop reason is set. */
    public boolean stopping() {
        lock.lock();
        try {
            return outcome != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs until a stop, then waits up to {@code graceFor(reason)} for in-flight jobs to finish. Jobs still running
     * after the grace period are left behind on daemon threads; the caller must ignore their late results.
     */
    public RunOutcome run(JobSource source, Function<StopReason, Duration> graceFor) throws InterruptedException {
        List<Thread> threads = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            Thread t = new Thread(() -> workLoop(source), "instructgen-worker-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        lock.lock();
        try {
            running = workers;
        } finally {
            lock.unlock();
        }
        threads.forEach(Thread::start);
        lock.lock();
        try {
            while (outcome == null) {
                changed.await();
            }
            whenStopping.run();
            long deadline = System.nanoTime() + graceFor.apply(outcome.reason()).toNanos();
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                changed.await(left, TimeUnit.NANOSECONDS);
            }
            return outcome;
        } finally {
            lock.unlock();
        }
    }

    private void workLoop(JobSource source) {
        try {
            Job job;
            while ((job = take(source)) != null) {
                try {
                    job.run();
                    markWarmedUp();
                    failures.succeeded();
                } catch (FatalTeacherException e) {
                    stop(new RunOutcome(StopReason.TEACHER_FATAL, e.getMessage(), e));
                } catch (TeacherUnavailableException e) {
                    stop(new RunOutcome(StopReason.TEACHER_UNAVAILABLE, e.getMessage(), e));
                } catch (RequestFailedException e) {
                    onJobDropped.accept(job, e);
                    failures.failed(e, warmedUp()).ifPresent(this::stop);
                } catch (RuntimeException | Error e) {
                    stop(new RunOutcome(StopReason.ERROR, String.valueOf(e), e));
                } finally {
                    finished();
                }
            }
        } finally {
            lock.lock();
            try {
                running--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** The next job to run, or null when the worker should exit; counts the job as in flight. */
    private Job take(JobSource source) {
        lock.lock();
        try {
            while (true) {
                if (outcome != null) {
                    return null;
                }
                Optional<StopReason> reason = stopCheck.get();
                if (reason.isPresent()) {
                    outcome = RunOutcome.of(reason.get(), "");
                    changed.signalAll();
                    return null;
                }
                if (!warmedUp && inFlight > 0) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                Queued queued = queue.poll();
                Job job;
                try {
                    job = queued != null ? queued.job() : source.next();
                } catch (RuntimeException e) {
                    outcome = new RunOutcome(StopReason.ERROR, String.valueOf(e), e);
                    changed.signalAll();
                    return null;
                }
                if (job != null) {
                    inFlight++;
                    return job;
                }
                if (inFlight == 0) {
                    outcome = source.exhausted()
                            ? RunOutcome.of(StopReason.SOURCE_EXHAUSTED, "no work left")
                            : RunOutcome.of(StopReason.STALLED, source.idleReason());
                    changed.signalAll();
                    return null;
                }
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean warmedUp() {
        lock.lock();
        try {
            return warmedUp;
        } finally {
            lock.unlock();
        }
    }

    private void markWarmedUp() {
        lock.lock();
        try {
            warmedUp = true;
        } finally {
            lock.unlock();
        }
    }

    private void finished() {
        lock.lock();
        try {
            inFlight--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void stop(RunOutcome candidate) {
        lock.lock();
        try {
            if (outcome == null) {
                outcome = candidate;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private record Queued(Job job, long seq) implements Comparable<Queued> {
        @Override
        public int compareTo(Queued o) {
            int byPriority = Integer.compare(job.priority(), o.job.priority());
            return byPriority != 0 ? byPriority : Long.compare(seq, o.seq);
        }
    }
}
