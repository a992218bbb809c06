package dev.instructgen.pipeline;

import dev.instructgen.teacher.BackoffObserver;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.RequestFailedException;
import dev.instructgen.teacher.TeacherUnavailableException;

import java.time.Duration;
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
 * <p>A job that waits between two attempts of its request (the retry backoff, half a second to a minute against
 * answers that often take a tenth of that) lends its slot to another job when the scheduler was given spare
 * workers and the teacher reports its backoffs ({@link #backoffObserver()}): the slots bound the jobs that are
 * working, and the teacher's own limiter bounds the requests on the wire. Without it, at 30% server errors most
 * workers sleep and the wire idles (docs/benchmarks.md, "Throughput under server errors").
 *
 * <p>Before starting each job a worker consults the stop check (target reached, budget spent). A fatal teacher
 * failure, an unavailable teacher or a bug stops the run; a request that failed after its retries only drops
 * that job. After a stop, in-flight jobs may finish within a grace period chosen by the caller.
 */
public final class Scheduler {

    private final int slots;
    private final int workers;
    private final Supplier<Optional<StopReason>> stopCheck;
    private final BiConsumer<Job, RuntimeException> onJobDropped;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Queued> queue = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final FailureStreak failures;
    private int inFlight;
    private int waiting;
    private int running;
    private int started;
    private JobSource source; // set by run
    private volatile boolean warmedUp; // written once, read under the lock and by failures
    private RunOutcome outcome;
    private Runnable whenStopping = () -> { };

    /**
     * @param workers      jobs in flight at most (--concurrency)
     * @param stopCheck    consulted before each job; a present reason stops the run
     * @param onJobDropped told about each job dropped after a failed request (for warnings)
     */
    public Scheduler(int workers, Supplier<Optional<StopReason>> stopCheck,
                     BiConsumer<Job, RuntimeException> onJobDropped) {
        this(workers, 0, stopCheck, onJobDropped);
    }

    /**
     * @param slots    jobs working at once (--concurrency)
     * @param lendable further jobs that may run while as many others wait between retries (see
     *                 {@link #backoffObserver()}); 0: never more than {@code slots} jobs
     */
    public Scheduler(int slots, int lendable, Supplier<Optional<StopReason>> stopCheck,
                     BiConsumer<Job, RuntimeException> onJobDropped) {
        if (slots < 1) {
            throw new IllegalArgumentException("workers must be at least 1");
        }
        if (lendable < 0) {
            throw new IllegalArgumentException("lendable cannot be negative");
        }
        this.slots = slots;
        this.workers = slots + lendable;
        this.stopCheck = stopCheck;
        this.onJobDropped = onJobDropped;
        this.failures = new FailureStreak(slots);
    }

    /**
     * What the teacher tells when a running job starts and ends a backoff: while it waits its slot goes to another
     * job (up to the lendable workers).
     */
    public BackoffObserver backoffObserver() {
        return BackoffObserver.of(() -> countWaiting(1), () -> countWaiting(-1));
    }

    private void countWaiting(int delta) {
        lock.lock();
        try {
            waiting += delta;
            // a worker for each slot lent, started when first needed: a run without retries starts none
            while (source != null && outcome == null && started < Math.min(slots + waiting, workers)) {
                startWorker();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
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

    /** Jobs running right now and not waiting between retries. */
    public int working() {
        lock.lock();
        try {
            return Math.max(0, inFlight - waiting);
        } finally {
            lock.unlock();
        }
    }

    /** Jobs running right now, those waiting between retries included. */
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
        lock.lock();
        try {
            this.source = source;
            while (started < slots) {
                startWorker();
            }
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

    /** Under the lock. */
    private void startWorker() {
        JobSource from = source;
        Thread t = new Thread(() -> workLoop(from), "instructgen-worker-" + started++);
        t.setDaemon(true);
        running++;
        t.start();
    }

    private void workLoop(JobSource source) {
        try {
            Job job;
            while ((job = take(source)) != null) {
                try {
                    job.run();
                    warmedUp = true;
                    failures.succeeded();
                } catch (FatalTeacherException e) {
                    stop(new RunOutcome(StopReason.TEACHER_FATAL, e.getMessage(), e));
                } catch (TeacherUnavailableException e) {
                    stop(new RunOutcome(StopReason.TEACHER_UNAVAILABLE, e.getMessage(), e));
                } catch (RequestFailedException e) {
                    onJobDropped.accept(job, e);
                    failures.failed(e, warmedUp).ifPresent(this::stop);
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
                if (!warmedUp && inFlight > 0 || inFlight - waiting >= slots) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                Queued queued = queue.poll();
                Job job;
                try {
                    job = queued != null ? queued.job() : source.next();
                    if (job == null && inFlight > 0 && inFlight == waiting) {
                        job = source.nextWhileAllWait(); // the wire idles while everything waits to retry
                    }
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
