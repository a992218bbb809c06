package dev.instructgen.method.unnatural;

import dev.instructgen.dataset.SeedTask;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.GenerationMethod;
import dev.instructgen.pipeline.Job;
import dev.instructgen.pipeline.JobSource;
import dev.instructgen.pipeline.Priorities;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.SeedSetRun;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.pipeline.StageGraph;

import java.util.List;
import java.util.function.Function;

/**
 * One Unnatural Instructions run on the engine: {@code core-generation -> output-generation -> paraphrase}
 * (Honovich et al. 2023, sections 2.1-2.3), fed with samples of seed demonstrations while the work under way
 * ({@link Pending}) is not expected to reach the target. Work already paid for finishes first.
 */
final class UnnaturalRun implements GenerationMethod.MethodRun {

    private final RunContext ctx;
    private final List<SeedTask> seeds;
    private final UnnaturalSettings settings;
    private final Pending pending;
    private final Stage<List<SeedTask>> core;
    private final StageGraph graph;

    UnnaturalRun(RunContext ctx, List<SeedTask> seeds, Function<SeedTask, SeedSource> sourceOf,
                 UnnaturalPrompts prompts, UnnaturalSettings settings, UnnaturalFilters filters) {
        this.ctx = ctx;
        this.seeds = List.copyOf(seeds);
        this.settings = settings;
        this.pending = new Pending(settings.paraphrases());
        Records records = new Records(ctx, prompts);
        Stage<CoreTask> paraphrase = Stage.of(UnnaturalSettings.STAGE_PARAPHRASE, Priorities.FINISH,
                new ParaphraseJob(ctx, prompts, settings, filters, pending, records));
        Stage<CoreTask> output = Stage.of(UnnaturalSettings.STAGE_OUTPUT, Priorities.TRANSFORM,
                new OutputGenerationJob(ctx, prompts, settings, filters, pending, records, paraphrase));
        this.core = Stage.of(UnnaturalSettings.STAGE_CORE, Priorities.PROPOSE, new CoreGenerationJob(ctx, prompts,
                settings, filters, sourceOf, new SessionIds(ctx, "un-"), pending, records, output));
        this.graph = StageGraph.builder().stage(core).stage(output).stage(paraphrase)
                .edge(core, output).edge(output, paraphrase).build();
    }

    @Override
    public StageGraph stages() {
        return graph;
    }

    @Override
    public JobSource source(StageGraph.Jobs jobs) {
        return new JobSource() {
            @Override
            public Job next() {
                if (pending.fruitlessInARow() >= settings.maxFruitlessInARow()
                        || ctx.stats().accepted() + pending.expected() >= ctx.spec().target()) {
                    return null;
                }
                pending.coreStarted();
                return jobs.job(core, SeedSetRun.demos(seeds, settings.demos(), ctx.random()));
            }

            @Override
            public String idleReason() {
                return pending.fruitlessInARow() >= settings.maxFruitlessInARow()
                        ? settings.maxFruitlessInARow() + " core-generation replies in a row gave no new instruction "
                        + "(the teacher repeats itself or its replies cannot be parsed; see rejected.jsonl)"
                        : "nothing in flight and nothing more to propose";
            }
        };
    }
}
