package dev.instructgen.pipeline.evol;

import dev.instructgen.dataset.Example;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a run writes in memory. */
final class MemoryJournal implements EvolJournal {

    final List<Example> accepted = new CopyOnWriteArrayList<>();
    final List<EvolRejection> rejected = new CopyOnWriteArrayList<>();
    volatile ChainCheckpoint checkpoint;

    @Override
    public void accept(Example example) {
        accepted.add(example);
    }

    @Override
    public void reject(EvolRejection rejection) {
        rejected.add(rejection);
    }

    @Override
    public void checkpoint(ChainCheckpoint checkpoint) {
        this.checkpoint = checkpoint;
    }
}
