package dev.instructgen.pipeline.evol;

import dev.instructgen.dataset.Example;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * Runs the evolution rounds (WizardLM, section 3): every lineage's current instruction is evolved once per round
 * with a drawn operation, M rounds in all. Lineages proceed independently, without a barrier between rounds, but
 * each finished round puts the lineage's next round at the back of a FIFO queue, so work still flows roughly
 * round by round as in the paper, and a run cut short by --target holds mostly shallow evolutions of many inputs
 * rather than deep chains of a few. An eliminated evolution leaves the parent current: the next round evolves it
 * again. {@code concurrency} workers each block on one lineage's teacher calls at a time.
 */
public final class EvolRunner {

    /** How the run ended. */
    public enum Ending { COMPLETE, TARGET_REACHED, STOPPED }

    /** @param accepted lines now in examples.jsonl */
    public record Result(Ending ending, long accepted) {
    }

    private final EvolSettings settings;
    private final OperationDraw draw;
    private final EvolutionStep step;
    private final EvolExamples examples;
    private final EvolJournal journal;
    private final EvolutionStats stats;
    private final Clock clock;
    private final Duration checkpointEvery;
    private final int concurrency;
    private final BooleanSupplier stopRequested;

    private final Object lock = new Object();
    private final Map<String, Lineage> chains = new LinkedHashMap<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private volatile boolean targetReached;
    private long accepted;
    private Instant nextCheckpoint;

    public EvolRunner(EvolSettings settings, EvolutionStep step, EvolExamples examples, EvolJournal journal,
                      EvolutionStats stats, Clock clock, Duration checkpointEvery, int concurrency,
                      BooleanSupplier stopRequested) {
        this.settings = settings;
        this.draw = new OperationDraw(settings.randomSeed(), settings.weights());
        this.step = step;
        this.examples = examples;
        this.journal = journal;
        this.stats = stats;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
        this.concurrency = concurrency;
        this.stopRequested = stopRequested;
    }

    /**
     * Writes the originals that are not written yet (with --keep-originals), then evolves every lineage up to
     * the configured rounds. Rethrows the first fatal teacher failure after the workers have stopped.
     *
     * @param alreadyAccepted lines already in examples.jsonl (a resumed run)
     */
    public Result run(List<EvolInput> originalsToWrite, List<Lineage> lineages, long alreadyAccepted) {
        synchronized (lock) {
            accepted = alreadyAccepted;
            targetReached = settings.target() != null && accepted >= settings.target();
            lineages.forEach(l -> chains.put(l.rootId(), l));
            nextCheckpoint = clock.instant().plus(checkpointEvery);
        }
        for (EvolInput original : originalsToWrite) {
            if (!offer(examples.original(original))) {
                break;
            }
        }
        List<Lineage> open = lineages.stream().filter(l -> l.roundsDone() < settings.rounds()).toList();
        CountDownLatch done = new CountDownLatch(open.size());
        ExecutorService workers = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "evol-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            for (Lineage l : open) {
                workers.execute(new Round(l, workers, done));
            }
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            workers.shutdownNow();
            synchronized (lock) {
                journal.checkpoint(checkpoint());
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        Ending ending = targetReached ? Ending.TARGET_REACHED
                : chains.values().stream().allMatch(l -> l.roundsDone() >= settings.rounds()) ? Ending.COMPLETE
                : Ending.STOPPED;
        synchronized (lock) {
            return new Result(ending, accepted);
        }
    }

    private boolean stopping() {
        return targetReached || failure.get() != null || stopRequested.getAsBoolean()
                || Thread.currentThread().isInterrupted();
    }

    /** One round of one lineage; schedules the lineage's next round at the back of the queue. */
    private final class Round implements Runnable {
        private final Lineage lineage;
        private final ExecutorService workers;
        private final CountDownLatch done;

        Round(Lineage lineage, ExecutorService workers, CountDownLatch done) {
            this.lineage = lineage;
            this.workers = workers;
            this.done = done;
        }

        @Override
        public void run() {
            Lineage next = null;
            try {
                if (!stopping()) {
                    next = evolveOnce(lineage);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
            if (next != null && next.roundsDone() < settings.rounds() && !stopping()) {
                try {
                    workers.execute(new Round(next, workers, done));
                    return;
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // shutting down: fall through and count this lineage as finished
                }
            }
            done.countDown();
        }
    }

    /** Evolves the lineage's current instruction once; returns the lineage after this round, or null if dropped. */
    private Lineage evolveOnce(Lineage lineage) {
        int round = lineage.roundsDone() + 1;
        EvolOperation op = draw.draw(lineage.currentId(), round);
        Attempt attempt = step.attempt(lineage, round, op);
        synchronized (lock) {
            if (stopping() && attempt instanceof Attempt.Evolved) {
                return null; // in flight when the run stopped: not written, not counted, redone on resume
            }
            Lineage after;
            if (attempt instanceof Attempt.Evolved evolved) {
                if (!offer(examples.evolved(lineage, evolved))) {
                    return null;
                }
                stats.attempted(op, round);
                stats.accepted(op, round);
                after = lineage.advance(round, evolved.instruction());
            } else {
                Attempt.Eliminated e = (Attempt.Eliminated) attempt;
                journal.reject(new EvolRejection(e.reason(), e.detail(), EvolRejection.STAGE, e.instruction(),
                        e.response(), lineage.currentId(), lineage.rootId(), round, op.key(), examples.now()));
                stats.attempted(op, round);
                stats.eliminated(op, round, e.reason());
                after = lineage.returnToPool(round);
            }
            chains.put(after.rootId(), after);
            if (!clock.instant().isBefore(nextCheckpoint)) {
                journal.checkpoint(checkpoint());
                nextCheckpoint = clock.instant().plus(checkpointEvery);
            }
            return after;
        }
    }

    /** Writes an example unless the target is already met; exact under concurrency. */
    private boolean offer(Example example) {
        synchronized (lock) {
            if (targetReached) {
                return false;
            }
            journal.accept(example);
            accepted++;
            if (settings.target() != null && accepted >= settings.target()) {
                targetReached = true;
            }
            return true;
        }
    }

    private ChainCheckpoint checkpoint() {
        Map<String, ChainCheckpoint.Chain> state = new LinkedHashMap<>();
        chains.forEach((root, l) -> state.put(root, ChainCheckpoint.Chain.of(l)));
        return new ChainCheckpoint(ChainCheckpoint.VERSION, state, stats.snapshot());
    }
}
