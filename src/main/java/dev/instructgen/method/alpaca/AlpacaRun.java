package dev.instructgen.method.alpaca;

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
 * One Alpaca run on the engine: a single stage, {@code alpaca-generation}, fed with samples of seed
 * demonstrations drawn from the seeds only (never from generated data, as in the reference), while the calls in
 * flight are not expected to reach the target.
 */
final class AlpacaRun implements GenerationMethod.MethodRun {

    private final RunContext ctx;
    private final List<SeedTask> seeds;
    private final AlpacaSettings settings;
    private final Yield yield;
    private final Stage<List<SeedTask>> generation;
    private final StageGraph graph;

    AlpacaRun(RunContext ctx, List<SeedTask> seeds, Function<SeedTask, SeedSource> sourceOf, AlpacaPrompts prompts,
              AlpacaSettings settings, AlpacaFilters filters) {
        this.ctx = ctx;
        this.seeds = List.copyOf(seeds);
        this.settings = settings;
        this.yield = new Yield(settings.tasksPerRequest());
        this.generation = Stage.of(AlpacaSettings.STAGE, Priorities.PROPOSE, new BatchGenerationJob(ctx, prompts,
                settings, filters, sourceOf, new SessionIds(ctx, "al-"), yield));
        this.graph = StageGraph.builder().stage(generation).build();
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
                if (yield.fruitlessInARow() >= settings.maxFruitlessInARow()
                        || ctx.stats().accepted() + yield.expectedInFlight() >= ctx.spec().target()) {
                    return null;
                }
                yield.callStarted();
                return jobs.job(generation, SeedSetRun.demos(seeds, settings.demos(), ctx.random()));
            }

            @Override
            public String idleReason() {
                return yield.fruitlessInARow() >= settings.maxFruitlessInARow()
                        ? settings.maxFruitlessInARow() + " alpaca-generation replies in a row gave no new example "
                        + "(the teacher repeats itself or its replies cannot be parsed; see rejected.jsonl)"
                        : "nothing in flight and nothing more to propose";
            }
        };
    }
}
