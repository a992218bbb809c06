package dev.instructgen.method.evol;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Rejection;

/** Where the chains write: the run's acceptance gate, rejected.jsonl and the chain checkpoint. Thread-safe. */
public interface EvolOutput {

    /** Writes an example unless the target is reached or the run closed; says whether it was written. */
    boolean accept(Example example);

    void reject(Rejection rejection);

    /** One evolution was attempted (the run's "proposed" counter, against which yield is measured). */
    void proposed();

    void checkpoint(ChainCheckpoint checkpoint);
}
