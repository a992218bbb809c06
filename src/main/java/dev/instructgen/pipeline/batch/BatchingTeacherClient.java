package dev.instructgen.pipeline.batch;

import dev.instructgen.pipeline.batch.BatchApi.BatchRefusedException;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Batch mode as a {@link TeacherClient}: the engine's jobs call {@link #complete} as always (the run's concurrency
 * is raised to the batch size, so a whole stage's ready requests are waiting at once); their requests are
 * collected and sent as one batch when {@code --batch-size} of them are waiting or no new one arrived for
 * {@code --batch-wait}. Each caller blocks until its batch is collected. So the stages of a method become
 * successive batch rounds without the engine knowing: the replies of one round are handed on, and the next stage's
 * requests, built from them, form the next batch. Several batches may be in flight.
 *
 * <p>Requests are named by {@link CustomIds} (content, not process), and {@link BatchRecovery} restores what
 * earlier processes sent: a request a killed process already put in a batch is attached to that batch or served
 * from its kept answers, never sent again. A failed line goes into a later batch under a retry id, up to
 * {@link BatchSettings#attempts()} batches, or with {@code --batch-fallback} to the synchronous teacher stack.
 */
public final class BatchingTeacherClient implements TeacherClient {

    private final TeacherIdentity identity;
    private final BatchSettings settings;
    private final BatchJournal journal;
    private final BatchLedger ledger;
    private final BatchRecovery recovered;
    private final BatchCourier courier;
    private final BatchDelivery delivery;
    private final TeacherClient fallback;
    private final Runnable cancelWaits;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final Map<String, Integer> occurrences = new HashMap<>();
    private final ArrayDeque<Waiter> pending = new ArrayDeque<>();
    private final ExecutorService couriers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "instructgen-batch");
        t.setDaemon(true);
        return t;
    });
    private final Thread collector;
    private long lastArrival = System.nanoTime();
    private volatile boolean stopping;

    /** Signals the caller to send its request synchronously ({@code --batch-fallback}). */
    static final class SendSynchronously extends RuntimeException {
        SendSynchronously(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * @param fallback the synchronous stack for {@code --batch-fallback}, else null
     * @param cancelWaits ends the courier's waits (poll backoff) when the run stops
     */
    BatchingTeacherClient(TeacherIdentity identity, BatchSettings settings, BatchJournal journal, BatchApi api,
                          TeacherMetrics metrics, TeacherClient fallback, Clock clock,
                          dev.instructgen.teacher.resilience.CancellableSleeper waits,
                          java.time.Duration patience, BatchPricing pricing) {
        this.identity = identity;
        this.settings = settings;
        this.journal = journal;
        this.fallback = fallback;
        this.clock = clock;
        this.cancelWaits = waits::cancel;
        this.ledger = new BatchLedger();
        journal.restored().forEach(ledger::apply);
        this.courier = new BatchCourier(api, journal, ledger, settings, clock, waits, patience);
        this.recovered = BatchRecovery.read(ledger, journal, clock);
        this.delivery = new BatchDelivery(lock, metrics, settings, recovered, this::requeue, pricing);
        for (BatchLedger.Batch b : ledger.unfinished()) {
            launch(b.name, List.of());
        }
        this.collector = new Thread(this::collect, "instructgen-batch-collector");
        collector.setDaemon(true);
        collector.start();
    }

    /** The {@code batches} section of stats.json. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = ledger.summary();
        lock.lock();
        try {
            summary.put("unclaimed_answers", recovered.unclaimed());
        } finally {
            lock.unlock();
        }
        return summary;
    }

    @Override
    public TeacherReply complete(TeacherRequest request) {
        if (stopping) {
            throw new CancellationException("the run is stopping");
        }
        Waiter waiter;
        lock.lock();
        try {
            String content = CustomIds.base(request, 0);
            int occurrence = occurrences.merge(content, 1, Integer::sum) - 1;
            String base = CustomIds.base(request, occurrence);
            TeacherReply kept = recovered.claimAnswer(base);
            if (kept != null) {
                return kept;
            }
            waiter = new Waiter(base, recovered.nextAttempt(base), request, new CompletableFuture<>());
            if (!delivery.attachToBatchInFlight(waiter, recovered.inFlightId(base))) {
                pending.add(waiter);
                lastArrival = System.nanoTime();
                arrived.signalAll();
            }
        } finally {
            lock.unlock();
        }
        return await(waiter);
    }

    private TeacherReply await(Waiter waiter) {
        try {
            return waiter.answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a batch");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SendSynchronously) {
                return delivery.synchronously(() -> fallback.complete(waiter.request));
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** A failed line goes into a later batch, or synchronously with --batch-fallback. */
    private void requeue(Waiter failed, ItemResult.Failed why) {
        if (fallback != null) {
            failed.answer.completeExceptionally(new SendSynchronously(why.message()));
            return;
        }
        lock.lock();
        try {
            pending.add(failed.retried());
            lastArrival = System.nanoTime();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The collector thread: sends a batch when it is full or the requests stopped coming for a while. */
    private void collect() {
        long quiet = settings.quiet().toNanos();
        while (!stopping) {
            List<Waiter> batch = new ArrayList<>();
            lock.lock();
            try {
                long idle = System.nanoTime() - lastArrival;
                if (pending.size() >= settings.size() || (!pending.isEmpty() && idle >= quiet)) {
                    while (!pending.isEmpty() && batch.size() < settings.size()) {
                        batch.add(pending.poll());
                    }
                } else {
                    arrived.await(pending.isEmpty() ? quiet : Math.max(1, quiet - idle), TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            if (!batch.isEmpty() && !stopping) {
                prepare(batch);
            }
        }
    }

    /** Writes the batch's input file and journals it; then a courier carries it. */
    private void prepare(List<Waiter> waiters) {
        String name = ledger.nextName();
        StringBuilder input = new StringBuilder();
        List<BatchEvent.Item> items = new ArrayList<>();
        for (Waiter w : waiters) {
            input.append(BatchLines.requestLine(w.customId(), identity.model(), w.request)).append('\n');
            items.add(new BatchEvent.Item(w.customId(), w.request.stage()));
        }
        try {
            journal.keep(name, "input", input.toString().getBytes(StandardCharsets.UTF_8));
            BatchEvent prepared = BatchEvent.of(BatchEvent.PREPARED, clock.instant(), name).withItems(items);
            journal.append(prepared);
            ledger.apply(prepared);
        } catch (RuntimeException e) {
            waiters.forEach(w -> w.answer.completeExceptionally(e));
            return;
        }
        launch(name, waiters);
    }

    private void launch(String name, List<Waiter> waiters) {
        delivery.expect(waiters);
        couriers.execute(() -> {
            try {
                List<ItemResult> results = courier.carry(name);
                if (results == null) {
                    lock.lock();
                    try {
                        BatchLedger.Batch abandoned = ledger.get(name);
                        abandoned.items.forEach(item -> recovered.landed(item.id()));
                        delivery.takeBack(abandoned).forEach(pending::add);
                        arrived.signalAll();
                    } finally {
                        lock.unlock();
                    }
                    return;
                }
                delivery.deliver(ledger.get(name), results);
                BatchEvent collected = BatchEvent.of(BatchEvent.COLLECTED, clock.instant(), name)
                        .withFailures(delivery.counts(results), delivery.failuresByKind(results));
                journal.append(collected);
                ledger.apply(collected);
            } catch (CancellationException stopped) {
                // the run is stopping: the batch stays journalled and the next process collects it
            } catch (BatchRefusedException e) {
                delivery.failAll(ledger.get(name), new FatalTeacherException(e.status(), e.getMessage(), e));
            } catch (RuntimeException e) {
                delivery.failAll(ledger.get(name), e);
            }
        });
    }

    @Override
    public TeacherIdentity identity() {
        return identity;
    }

    @Override
    public void stopWaiting() {
        stopping = true;
        cancelWaits.run();
        lock.lock();
        try {
            pending.forEach(w -> w.answer.completeExceptionally(new CancellationException("the run is stopping")));
            pending.clear();
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
        delivery.cancelAll();
        if (fallback != null) {
            fallback.stopWaiting();
        }
    }

    @Override
    public void close() {
        stopping = true;
        collector.interrupt();
        couriers.shutdownNow();
        try {
            if (fallback != null) {
                fallback.close();
            }
        } finally {
            journal.close();
        }
    }
}
