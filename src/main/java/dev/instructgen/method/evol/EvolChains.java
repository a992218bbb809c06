package dev.instructgen.method.evol;

import dev.instructgen.dataset.Rejection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool of evolution chains (WizardLM, section 3): which lineages are ready for their next round, which are
 * being evolved, and each one's state. A finished attempt is written (example or rejection), counted, and the
 * lineage goes to the back of the ready queue for its next round: an accepted child becomes current, an
 * eliminated evolution leaves the parent current so the next round evolves it again ("returns to the pool").
 * Lineages proceed independently, but the FIFO keeps work flowing roughly round by round, as in the paper, so a
 * run cut short by --target holds shallow evolutions of many inputs rather than deep chains of a few.
 *
 * <p>Thread-safe. The state is checkpointed every {@code checkpointEvery} and on {@link #close} (taken under the
 * lock, written outside it); after close, late results are ignored.
 */
public final class EvolChains {

    private final int rounds;
    private final EvolExamples examples;
    private final EvolOutput output;
    private final EvolutionStats stats;
    private final Clock clock;
    private final Duration checkpointEvery;

    private final Deque<Lineage> ready = new ArrayDeque<>();
    private final Map<String, Lineage> state = new LinkedHashMap<>();
    private int active;
    private boolean closed;
    private Instant nextCheckpoint;
    private long checkpoints;
    private final Object saving = new Object();
    private long saved;

    public EvolChains(List<Lineage> lineages, int rounds, EvolExamples examples, EvolOutput output,
                      EvolutionStats stats, Clock clock, Duration checkpointEvery) {
        this.rounds = rounds;
        this.examples = examples;
        this.output = output;
        this.stats = stats;
        this.clock = clock;
        this.checkpointEvery = checkpointEvery;
        for (Lineage l : lineages) {
            state.put(l.rootId(), l);
        }
        // Fewest rounds done first, input order within a round: a resumed run picks up where the FIFO of an
        // uninterrupted one would be (every round-1 evolution before any round 2), so an interrupted run ends
        // with the same rounds as one left alone, rather than deepening the inputs it had reached first.
        lineages.stream().filter(l -> l.roundsDone() < rounds)
                .sorted(Comparator.comparingInt(Lineage::roundsDone))
                .forEach(ready::add);
        this.nextCheckpoint = clock.instant().plus(checkpointEvery);
    }

    /** The next lineage to evolve, now counted as active; null when none is ready. */
    public synchronized Lineage take() {
        if (closed) {
            return null;
        }
        Lineage l = ready.poll();
        if (l != null) {
            active++;
        }
        return l;
    }

    /** True when every lineage has done all its rounds and none is being evolved. */
    public synchronized boolean exhausted() {
        return ready.isEmpty() && active == 0;
    }

    /** Records a finished attempt of {@code lineage}: writes it, counts it and schedules the next round. */
    public void finish(Lineage lineage, Attempt attempt) {
        save(record(lineage, attempt));
    }

    /** The bookkeeping of {@link #finish}; returns a checkpoint when one is due, written outside the lock. */
    private synchronized Due record(Lineage lineage, Attempt attempt) {
        active--;
        if (closed) {
            return null;
        }
        EvolOperation op = attempt.operation();
        int round = attempt.round();
        Lineage after;
        if (attempt instanceof Attempt.Evolved evolved) {
            if (!output.accept(examples.evolved(lineage, evolved))) {
                return null; // target reached or run closing: as if still in flight, redone on resume
            }
            output.proposed();
            stats.attempted(op, round);
            stats.accepted(op, round);
            after = lineage.advance(round, evolved.instruction());
        } else {
            Attempt.Eliminated e = (Attempt.Eliminated) attempt;
            output.reject(new Rejection(lineage.childId(round), op.stage(), e.reason(), e.detail(),
                    e.instruction(), "", e.response(), List.of(lineage.currentId()), Rejection.now(clock), e.score()));
            output.proposed();
            stats.attempted(op, round);
            stats.eliminated(op, round, e.reason().code());
            after = lineage.returnToPool(round);
        }
        state.put(after.rootId(), after);
        if (after.roundsDone() < rounds) {
            ready.add(after);
        }
        if (clock.instant().isBefore(nextCheckpoint)) {
            return null;
        }
        nextCheckpoint = clock.instant().plus(checkpointEvery);
        return new Due(++checkpoints, checkpoint());
    }

    /**
     * Writes a checkpoint taken under the lock, without holding it (so workers keep finishing attempts while the
     * file is written); a checkpoint older than one already written is skipped.
     */
    private void save(Due due) {
        if (due == null) {
            return;
        }
        synchronized (saving) {
            if (due.sequence() > saved) {
                output.checkpoint(due.checkpoint());
                saved = due.sequence();
            }
        }
    }

    private record Due(long sequence, ChainCheckpoint checkpoint) {
    }

    /** The lineage's attempt ended without a result (the run is stopping): it stays as it was. */
    public synchronized void abandon(Lineage lineage) {
        active--;
    }

    /** Stops accepting results and writes the final checkpoint. */
    public void close() {
        Due last;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            last = new Due(++checkpoints, checkpoint());
        }
        save(last);
    }

    public synchronized ChainCheckpoint checkpoint() {
        Map<String, ChainCheckpoint.Chain> chains = new LinkedHashMap<>();
        state.forEach((root, l) -> chains.put(root, ChainCheckpoint.Chain.of(l)));
        return new ChainCheckpoint(ChainCheckpoint.VERSION, chains, stats.snapshot());
    }
}
