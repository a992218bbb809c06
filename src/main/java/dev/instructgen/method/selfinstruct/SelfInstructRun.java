package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.Rejection;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.pipeline.Job;
import dev.instructgen.pipeline.JobSource;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Scheduler;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Self-Instruct run: the shared state of its stages and the source of new instruction-generation jobs.
 *
 * <p>New instructions are proposed only while the candidates already on their way are not expected to reach the
 * target: tasks waiting for classification or instances count for {@code instancesPerTask} examples each (scaled
 * by the instance yield seen so far), generation calls in flight for the tasks a call has yielded on average.
 * So at the end of a run the engine does not pay for proposals whose results would be thrown away, and the
 * stages downstream (which the scheduler runs first) drain what is pending.
 */
public final class SelfInstructRun implements JobSource {

    final RunContext ctx;
    final Scheduler scheduler;
    final TaskPool pool;
    final SelfInstructPrompts prompts;
    final SelfInstructSettings settings;
    final SelfInstructFilters filters;
    final InContextSampler sampler;
    final InstructionListParser listParser = new InstructionListParser();
    final ClassificationAnswerParser answerParser = new ClassificationAnswerParser();
    final InstanceParser instanceParser = new InstanceParser();

    private final String idPrefix;
    private final AtomicLong sequence = new AtomicLong();
    final AtomicInteger generationsInFlight = new AtomicInteger();
    final AtomicInteger pendingTasks = new AtomicInteger();
    private final AtomicLong generationsDone = new AtomicLong();
    private final AtomicLong tasksAccepted = new AtomicLong();
    private final AtomicLong tasksFinished = new AtomicLong();
    private final AtomicLong examplesFromFinished = new AtomicLong();
    private final AtomicInteger fruitlessInARow = new AtomicInteger();

    /**
     * @param idPrefix prefix of every id of this session, e.g. "si-" (a resumed session adds a session tag so its
     *                 ids never collide with those of earlier sessions)
     */
    public SelfInstructRun(RunContext ctx, Scheduler scheduler, TaskPool pool, SelfInstructPrompts prompts,
                           SelfInstructSettings settings, SelfInstructFilters filters, String idPrefix) {
        this.ctx = ctx;
        this.scheduler = scheduler;
        this.pool = pool;
        this.prompts = prompts;
        this.settings = settings;
        this.filters = filters;
        this.sampler = new InContextSampler(settings.inContextTotal(), settings.inContextSeeds());
        this.idPrefix = idPrefix;
    }

    @Override
    public Job next() {
        if (fruitlessInARow.get() >= settings.maxFruitlessInARow()) {
            return null;
        }
        if (ctx.stats().accepted() + expectedFromPending() >= ctx.spec().target()) {
            return null;
        }
        List<PoolEntry> shown = sampler.sample(pool, ctx.random());
        generationsInFlight.incrementAndGet();
        return new InstructionGenerationJob(this, shown);
    }

    @Override
    public String idleReason() {
        return fruitlessInARow.get() >= settings.maxFruitlessInARow()
                ? settings.maxFruitlessInARow() + " instruction-generation replies in a row gave no new instruction "
                + "(the teacher repeats itself or its replies cannot be parsed; see rejected.jsonl)"
                : "nothing in flight and nothing more to propose";
    }

    /** Examples the work already under way is expected to yield. */
    double expectedFromPending() {
        int k = settings.instancesPerTask();
        long done = generationsDone.get();
        double tasksPerGeneration = done == 0 ? 2.0 : Math.max(0.25, (double) tasksAccepted.get() / done);
        long finished = tasksFinished.get();
        double instanceYield = finished == 0 ? 1.0
                : Math.max(0.2, (double) examplesFromFinished.get() / (finished * (double) k));
        return (pendingTasks.get() + generationsInFlight.get() * tasksPerGeneration) * k * instanceYield;
    }

    String nextId() {
        return idPrefix + sequence.incrementAndGet();
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

    void taskStarted() {
        pendingTasks.incrementAndGet();
    }

    void taskFinished(int examples) {
        tasksFinished.incrementAndGet();
        examplesFromFinished.addAndGet(examples);
        pendingTasks.decrementAndGet();
    }

    void reject(String id, String stage, RejectionReason reason, String detail, String instruction, String input,
                String output, List<String> parents) {
        ctx.reject(new Rejection(id, stage, reason, detail, instruction, input, output, parents,
                Rejection.now(ctx.clock())));
    }
}
