package dev.instructgen.pipeline;

/**
 * Conventional job priorities (lower runs first). Finishing a candidate that already cost requests is always
 * worth more than proposing a new one, so the stages nearest to an accepted example come first.
 */
public final class Priorities {

    /** Writing the example itself: instance generation (Self-Instruct), responses (Evol-Instruct). */
    public static final int FINISH = 0;
    /** Judging a candidate: classification identification, the equality judge. */
    public static final int JUDGE = 10;
    /** Transforming a candidate: evolving an instruction. */
    public static final int TRANSFORM = 20;
    /** Proposing new candidates: instruction generation. */
    public static final int PROPOSE = 30;

    private Priorities() {
    }
}
