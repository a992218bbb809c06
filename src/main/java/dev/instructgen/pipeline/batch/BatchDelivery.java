package dev.instructgen.pipeline.batch;

import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherReply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Hands a collected batch's results to the callers waiting for them, and to the run's counters: each answer is
 * counted (tokens, cost at the batch rate) once, when its batch is collected, whether or not this process still
 * waits for it; a failed line is counted by kind and sent again (a later batch, or synchronously) while attempts
 * are left, else its caller gets the failure and the engine drops that job.
 */
final class BatchDelivery {

    private final ReentrantLock lock;
    private final TeacherMetrics metrics;
    private final BatchSettings settings;
    private final BatchRecovery recovered;
    private final BiConsumer<Waiter, ItemResult.Failed> requeue;
    private final BatchPricing pricing;
    private final Map<String, Waiter> waiting = new HashMap<>();

    BatchDelivery(ReentrantLock lock, TeacherMetrics metrics, BatchSettings settings, BatchRecovery recovered,
                  BiConsumer<Waiter, ItemResult.Failed> requeue, BatchPricing pricing) {
        this.lock = lock;
        this.metrics = metrics;
        this.settings = settings;
        this.recovered = recovered;
        this.requeue = requeue;
        this.pricing = pricing;
    }

    /** These callers wait for the batch they are in. */
    void expect(List<Waiter> waiters) {
        lock.lock();
        try {
            waiters.forEach(w -> waiting.put(w.customId(), w));
        } finally {
            lock.unlock();
        }
    }

    /** Attaches a caller to the batch of an earlier process that has its request in flight; false if none. */
    boolean attachToBatchInFlight(Waiter waiter, String customId) {
        if (customId == null) {
            return false;
        }
        lock.lock();
        try {
            waiting.put(customId, new Waiter(waiter.base, CustomIds.attemptOf(customId), waiter.request,
                    waiter.answer));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands on a collected batch. Its requests are counted as sent here, together with their results, so
     * usage.jsonl holds both or neither whenever the process stops.
     */
    void deliver(BatchLedger.Batch batch, List<ItemResult> results) {
        Map<String, String> stageOf = new HashMap<>();
        batch.items.forEach(item -> stageOf.put(item.id(), item.stage()));
        lock.lock();
        try {
            for (ItemResult result : results) {
                String stage = stageOf.get(result.customId());
                if (stage == null) {
                    continue; // not a line of ours
                }
                Waiter waiter = waiting.remove(result.customId());
                recovered.landed(result.customId());
                metrics.onAttempt(stage);
                if (result instanceof ItemResult.Answered answered) {
                    metrics.onSuccess(stage, answered.reply());
                    if (waiter != null) {
                        waiter.answer.complete(answered.reply());
                    } else {
                        recovered.keepAnswer(result.customId(), batch.name);
                    }
                } else if (result instanceof ItemResult.Failed failed) {
                    boolean again = waiter != null && failed.retriable()
                            && (settings.fallback() || waiter.attempt + 1 < settings.attempts());
                    metrics.onFault(stage, failed.fault(), again);
                    if (again) {
                        requeue.accept(waiter, failed);
                    } else if (waiter != null) {
                        waiter.answer.completeExceptionally(failed.asException());
                    }
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The callers of a batch that was never created, to be put in another batch under the same ids. */
    List<Waiter> takeBack(BatchLedger.Batch batch) {
        lock.lock();
        try {
            return batch.items.stream().map(item -> waiting.remove(item.id()))
                    .filter(java.util.Objects::nonNull).toList();
        } finally {
            lock.unlock();
        }
    }

    /** Every caller of the batch gets this failure (a refused upload, a broken run directory). */
    void failAll(BatchLedger.Batch batch, RuntimeException failure) {
        lock.lock();
        try {
            for (BatchEvent.Item item : batch.items) {
                Waiter w = waiting.remove(item.id());
                if (w != null) {
                    w.answer.completeExceptionally(failure);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    void cancelAll() {
        lock.lock();
        try {
            waiting.values().forEach(w -> w.answer.completeExceptionally(
                    new CancellationException("the run is stopping")));
            waiting.clear();
        } finally {
            lock.unlock();
        }
    }

    /** A fallback request, priced at the synchronous rate. */
    TeacherReply synchronously(Supplier<TeacherReply> call) {
        return pricing.synchronously(call);
    }

    BatchEvent.Counts counts(List<ItemResult> results) {
        long answered = results.stream().filter(ItemResult.Answered.class::isInstance).count();
        return new BatchEvent.Counts(results.size(), answered, results.size() - answered);
    }

    Map<String, Long> failuresByKind(List<ItemResult> results) {
        Map<String, Long> byKind = new TreeMap<>();
        results.stream().filter(ItemResult.Failed.class::isInstance).map(ItemResult.Failed.class::cast)
                .forEach(f -> byKind.merge(f.kind(), 1L, Long::sum));
        return byKind;
    }
}
