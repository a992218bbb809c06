package dev.instructgen.pipeline;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.report.MethodCard;

import java.util.List;
import java.util.Map;

/**
 * A generation method as the engine runs it. A command reads its options into a method; {@link RunSession} does
 * the rest (assembly, resume, progress, interrupts, final stats, dataset card, exit code), the same for every
 * method. The method states what defines its run ({@link #configure}), declares its stages and where new work
 * comes from ({@link #start}), and what the dataset card says about it.
 */
public interface GenerationMethod {

    MethodId id();

    /**
     * Adds the method's part of the spec: its typed settings, prompt hashes, seed file, license policy and novelty
     * index. The session has already set the run directory, teacher, budget and random seed.
     */
    void configure(RunSpec.Builder spec, RunSession.Licensing licensing);

    /** The target when {@code --target} is not given; a method without a natural end requires it (null). */
    default Long defaultTarget() {
        return null;
    }

    /** Restores the method's state from {@code ctx} (fresh or resumed) and returns the run of its stages. */
    MethodRun start(RunContext ctx);

    /** Description and citation for the dataset card. */
    MethodCard card();

    /** The seed (or input) sets the run grows from, with their licenses, for the card. */
    List<SeedSource> seedSources();

    /** The settings the card states, as display strings, in order. */
    Map<String, String> displaySettings(RunSpec spec);

    /**
     * What was done, for the "done: ... in FILE" line, e.g. "500 examples".
     *
     * @param accepted the examples in examples.jsonl when the run stopped (more than the target after a resume
     *                 with a smaller one)
     */
    String doneSummary(RunOutcome outcome, RunSpec spec, long accepted);

    /** What --dry-run prints for {@code spec}, and the estimated cost compared with --max-cost. */
    DryRun dryRun(RunSpec spec, RunSession.Licensing licensing);

    /** @param costUsd the estimated cost, or null when the model has no known price */
    record DryRun(String text, Double costUsd) {
    }

    /**
     * One run of the method's stages on the engine.
     */
    interface MethodRun extends AutoCloseable {

        /** The stages and their hand-offs. */
        StageGraph stages();

        /** Where new work comes from, making its jobs with the bound graph. */
        JobSource source(StageGraph.Jobs jobs);

        /** Called once the engine has stopped (e.g. to checkpoint); nothing is in flight any more. */
        @Override
        default void close() {
        }
    }
}
