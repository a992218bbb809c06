package dev.instructgen.pipeline.evol;

import dev.instructgen.dataset.Example;

/**
 * Where an Evol-Instruct run writes: accepted examples, rejected evolutions and the chain checkpoint. Backed by
 * the run directory; implementations are thread-safe and each append is whole on disk when it returns.
 */
public interface EvolJournal {

    void accept(Example example);

    void reject(EvolRejection rejection);

    /** Replaces the saved chain state (atomically: a crash leaves the old or the new one). */
    void checkpoint(ChainCheckpoint checkpoint);
}
