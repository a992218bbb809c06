package dev.instructgen.pipeline;

/**
 * Where new work comes from once the queue is empty: Self-Instruct proposes instructions, Evol-Instruct draws
 * the next instruction of the round. Called by the engine under its lock, one call at a time, so an
 * implementation needs no locking of its own for state only touched here; it must be cheap (no I/O).
 */
public interface JobSource {

    /**
     * The next job to start, or null when nothing should be started now, e.g. because enough candidates are
     * already on their way to reach the target. The engine asks again whenever a job finishes.
     */
    Job next();

    /**
     * Asked when {@link #next} held back while every job under way is only waiting between two attempts of its
     * request, so the wire idles: a job worth starting anyway (its results may come after the target and be
     * dropped), or null (the default) to wait for them. Without it the last few examples of a run at a moderate
     * server-error rate sit out multi-second backoffs with nothing else on the wire (docs/benchmarks.md,
     * "Throughput under server errors"). Called like {@link #next}, under the engine's lock.
     */
    default Job nextWhileAllWait() {
        return null;
    }

    /**
     * True when the source will never produce work again (all rounds done). When the queue is empty, nothing is
     * in flight and {@link #next} gives nothing, the run ends: completed when exhausted, otherwise stalled.
     */
    default boolean exhausted() {
        return false;
    }

    /** Why the source holds back with nothing in flight, for the message of a stalled run. */
    default String idleReason() {
        return "nothing in flight and nothing more to propose";
    }
}
