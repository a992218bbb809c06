package dev.instructgen.method.selfinstruct;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the Self-Instruct stages have under way, so new instructions are proposed only while it is not expected to
 * reach the target: tasks waiting for classification or instances count for {@code instancesPerTask} examples
 * each (scaled by the instance yield seen so far), generation calls in flight for the tasks a call has yielded on
 * average. So at the end of a run the engine does not pay for proposals whose results would be thrown away.
 */
final class PendingWork {

    private final int instancesPerTask;
    private final AtomicInteger generationsInFlight = new AtomicInteger();
    private final AtomicInteger pendingTasks = new AtomicInteger();
    private final AtomicLong generationsDone = new AtomicLong();
    private final AtomicLong tasksAccepted = new AtomicLong();
    private final AtomicLong tasksFinished = new AtomicLong();
    private final AtomicLong examplesFromFinished = new AtomicLong();
    private final AtomicInteger fruitlessInARow = new AtomicInteger();
    private final AtomicInteger pendingCandidates = new AtomicInteger();

    PendingWork(int instancesPerTask) {
        this.instancesPerTask = instancesPerTask;
    }

    /** Examples the work already under way is expected to yield. */
    double expectedExamples() {
        int k = instancesPerTask;
        long done = generationsDone.get();
        double tasksPerGeneration = done == 0 ? 2.0 : Math.max(0.25, (double) tasksAccepted.get() / done);
        long finished = tasksFinished.get();
        double instanceYield = finished == 0 ? 1.0
                : Math.max(0.2, (double) examplesFromFinished.get() / (finished * (double) k));
        return (pendingTasks.get() + generationsInFlight.get() * tasksPerGeneration) * k * instanceYield
                + pendingCandidates.get();
    }

    int fruitlessInARow() {
        return fruitlessInARow.get();
    }

    void generationStarted() {
        generationsInFlight.incrementAndGet();
    }

    void generationFinished(int accepted) {
        generationsInFlight.decrementAndGet();
        generationsDone.incrementAndGet();
        tasksAccepted.addAndGet(accepted);
        if (accepted > 0) {
            fruitlessInARow.set(0);
        } else {
            fruitlessInARow.incrementAndGet();
        }
    }

    /** Instances handed on to a later stage (the judge), each expected to become one example. */
    void candidatesStarted(int n) {
        pendingCandidates.addAndGet(n);
    }

    void candidateFinished() {
        pendingCandidates.decrementAndGet();
    }

    void taskStarted() {
        pendingTasks.incrementAndGet();
    }

    void taskFinished(int examples) {
        tasksFinished.incrementAndGet();
        examplesFromFinished.addAndGet(examples);
        pendingTasks.decrementAndGet();
    }
}
