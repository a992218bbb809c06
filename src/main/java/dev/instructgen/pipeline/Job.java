package dev.instructgen.pipeline;

/**
 * One unit of engine work: at most one teacher request and the processing of its reply. Methods do not write
 * jobs: their stages' work becomes jobs through {@link StageGraph}, which also queues each hand-off to the next
 * stage as a follow-up job.
 *
 * <p>A job keeps its own bookkeeping in a {@code finally} block: when its teacher call fails for good the engine
 * drops the job, logs the failure and carries on.
 */
public interface Job {

    /** Stage name, the same string the job puts on its teacher request (metrics group requests by it). */
    String stage();

    /**
     * Lower runs first. Downstream stages get lower numbers than proposals, so work already paid for is finished
     * before new candidates are proposed (see {@link Priorities}).
     */
    int priority();

    /** Does the work; teacher exceptions propagate to the engine. */
    void run();
}
