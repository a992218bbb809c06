package dev.instructgen.method.evol;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.filter.quality.InlineQuality;
import dev.instructgen.filter.quality.JudgeSetup;
import dev.instructgen.filter.quality.QualityTally;
import dev.instructgen.pipeline.GenerationMethod;
import dev.instructgen.pipeline.JobSource;
import dev.instructgen.pipeline.ProgressReporter;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.RunLoop;
import dev.instructgen.pipeline.RunOutcome;
import dev.instructgen.pipeline.StageGraph;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An Evol-Instruct run on the engine, from inputs to a stop: restores the chains of an interrupted run
 * ({@link EvolResume}), writes the kept originals, runs the rounds through the {@link RunLoop}, and checkpoints
 * the chains at the end. The counters appear in stats.json as the "evolution" section.
 */
public final class EvolRun {

    /** Name of the chain checkpoint in the run directory. */
    public static final String CHECKPOINT = "evol-chains";
    public static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(10);

    private final RunContext ctx;
    private final EvolSettings settings;
    private final EvolPrompts prompts;
    private final Duration checkpointEvery;
    private final JudgeSetup judge;
    private final InlineQuality quality;

    public EvolRun(RunContext ctx, EvolSettings settings, EvolPrompts prompts, Duration checkpointEvery) {
        this(ctx, settings, prompts, checkpointEvery, null);
    }

    /** @param judge the LLM judge answered evolutions must pass ({@code --judge}), or null */
    public EvolRun(RunContext ctx, EvolSettings settings, EvolPrompts prompts, Duration checkpointEvery,
                   JudgeSetup judge) {
        this(ctx, settings, prompts, checkpointEvery, judge, InlineQuality.OFF);
    }

    /** @param quality semantic dedup and decontamination joined to the elimination rules ({@link EvolFilters}) */
    public EvolRun(RunContext ctx, EvolSettings settings, EvolPrompts prompts, Duration checkpointEvery,
                   JudgeSetup judge, InlineQuality quality) {
        this.judge = judge;
        this.quality = quality;
        this.ctx = ctx;
        this.settings = settings;
        this.prompts = prompts;
        this.checkpointEvery = checkpointEvery;
    }

    /**
     * Restores the chains (fresh or resumed), writes the kept originals and returns the run of the evolution
     * stages; closing it checkpoints the chains.
     */
    public GenerationMethod.MethodRun start(List<EvolInput> inputs) {
        EvolutionStats stats = new EvolutionStats();
        EvolFilters filters = EvolFilters.of(settings, ctx.novelty(), quality);
        ChainCheckpoint saved = ctx.journal().readCheckpoint(CHECKPOINT, ChainCheckpoint.class).orElse(null);
        EvolResume.State state = EvolResume.restore(inputs, settings.keepOriginals(), saved,
                ctx.restoredExamples(), ctx.resumed() ? ctx.journal().restoredRejections() : List.of(), stats,
                filters.novelty());
        ctx.stats().addSection("evolution", stats::snapshot);

        EvolExamples examples = new EvolExamples(ctx.runId(), ctx.clock(), ctx.identity(), ctx.licenseTagger(),
                ctx::teacherRef, ctx::licenseTagger);
        EvolOutput output = new ContextOutput(ctx);
        for (EvolInput original : state.originalsToWrite()) {
            if (!output.accept(examples.original(original))) {
                break;
            }
        }
        EvolChains chains = new EvolChains(state.lineages(), settings.rounds(), examples, output, stats,
                ctx.clock(), checkpointEvery);
        EvolutionStep step = new EvolutionStep(ctx.teacher(), prompts, settings, filters, stats, ctx::warn);
        EvolSource source = new EvolSource(chains, step, new OperationDraw(settings.randomSeed(), settings.weights()),
                judging());
        return new GenerationMethod.MethodRun() {
            @Override
            public StageGraph stages() {
                return source.stages();
            }

            @Override
            public JobSource source(StageGraph.Jobs jobs) {
                return source.source(jobs);
            }

            @Override
            public void close() {
                chains.close();
                unreadableJudgeNote(stats.snapshot()).ifPresent(ctx.stats()::note);
            }
        };
    }

    /**
     * The dataset card's warning when more than 5% of the equality judge's verdicts could not be read: the
     * judge then let those rewrites through, and "equality judge: on" alone would overstate it (issue 11).
     */
    static Optional<String> unreadableJudgeNote(EvolutionStats.Snapshot s) {
        if (s.judged() == 0 || s.judgeUnclearShare() <= EvolutionStats.UNCLEAR_WARNING_SHARE) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "The equality judge's verdict could not be read for %d of "
                + "%d rewrites (%.1f%%); those were not eliminated by it (evolution.judge_unclear in stats.json).",
                s.judgeUnclear(), s.judged(), 100.0 * s.judgeUnclearShare()));
    }

    /** The judge over its own teacher stack or the run's, with its counters restored from the run directory. */
    private EvolSource.Judging judging() {
        if (judge == null) {
            return null;
        }
        QualityTally tally = new QualityTally();
        tally.restore(ctx.restoredExamples(), ctx.resumed() ? ctx.journal().restoredRejections() : List.of());
        ctx.stats().addSection("quality", tally::snapshot);
        return new EvolSource.Judging(judge.judge(judge.ownStack() ? ctx.teacherFor(judge.teacher()) : ctx.teacher()),
                tally, ctx::warn);
    }

    /** Runs the stages to a stop on the engine, without a session (tests, benchmarks). */
    public RunOutcome run(List<EvolInput> inputs, ProgressReporter progress, boolean handleSignals) {
        try (GenerationMethod.MethodRun run = start(inputs)) {
            return new RunLoop(ctx, progress, handleSignals).run(scheduler -> run.source(run.stages().bind(scheduler)));
        }
    }

    /** Writes through the run's acceptance gate and journal. */
    private record ContextOutput(RunContext ctx) implements EvolOutput {
        @Override
        public boolean accept(Example example) {
            return ctx.accept(example);
        }

        @Override
        public void reject(Rejection rejection) {
            ctx.reject(rejection);
        }

        @Override
        public void proposed() {
            ctx.stats().onProposed(1);
        }

        @Override
        public void checkpoint(ChainCheckpoint checkpoint) {
            ctx.journal().writeCheckpoint(CHECKPOINT, checkpoint);
        }
    }
}
