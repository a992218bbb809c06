package dev.instructgen.method.selfinstruct;

import dev.instructgen.filter.quality.LlmJudge;
import dev.instructgen.filter.quality.QualityTally;
import dev.instructgen.pipeline.GenerationMethod;
import dev.instructgen.pipeline.Job;
import dev.instructgen.pipeline.JobSource;
import dev.instructgen.pipeline.Priorities;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.pipeline.StageGraph;

import dev.instructgen.teacher.TeacherClient;

import java.util.List;
import java.util.function.Function;

/**
 * One Self-Instruct run on the engine: the stage graph {@code instruction-generation -> classification ->
 * instance-generation} (Wang et al. 2023, §2.2) and the source of new instruction-generation jobs, which proposes
 * only while the work under way ({@link PendingWork}) is not expected to reach the target. Each stage gets only
 * the collaborators it uses.
 */
public final class SelfInstructRun implements GenerationMethod.MethodRun {

    private final RunContext ctx;
    private final TaskPool pool;
    private final SelfInstructSettings settings;
    private final InContextSampler sampler;
    private final PendingWork pending;
    private final Stage<List<PoolEntry>> generation;
    private final StageGraph graph;

    /**
     * @param idPrefix prefix of every id of this session, e.g. "si-" (a resumed session adds a session tag so its
     *                 ids never collide with those of earlier sessions)
     */
    public SelfInstructRun(RunContext ctx, TaskPool pool, SelfInstructPrompts prompts, SelfInstructSettings settings,
                           SelfInstructFilters filters, String idPrefix) {
        this(ctx, pool, prompts, settings, filters, idPrefix, null);
    }

    /**
     * @param judge the LLM judge every screened instance must pass before it is written ({@code --judge}), with
     *              its counters; null for none. Its stage follows instance generation:
     *              {@code ... -> instance-generation -> quality-judge}.
     */
    public SelfInstructRun(RunContext ctx, TaskPool pool, SelfInstructPrompts prompts, SelfInstructSettings settings,
                           SelfInstructFilters filters, String idPrefix, Judging judge) {
        this(ctx, pool, prompts, settings, filters, idPrefix, judge, null);
    }

    /**
     * @param answer the answer pass ({@code --answer-pass}), or null for none. Its stage follows instance
     *               generation for the tasks it covers: {@code ... -> instance-generation -> answer [-> quality-judge]}.
     */
    SelfInstructRun(RunContext ctx, TaskPool pool, SelfInstructPrompts prompts, SelfInstructSettings settings,
                    SelfInstructFilters filters, String idPrefix, Judging judge, Answering answer) {
        this.ctx = ctx;
        this.pool = pool;
        this.settings = settings;
        this.sampler = new InContextSampler(settings.inContextTotal(), settings.inContextSeeds());
        this.pending = new PendingWork(settings.instancesPerTask());
        Rejections rejections = new Rejections(ctx, idPrefix);
        SelfInstructExamples examples = answer == null ? new SelfInstructExamples(ctx, prompts)
                : new SelfInstructExamples(ctx, prompts, answer.setup(), answer.tally());
        // the judge runs before instance generation (lower first): a scored candidate is nearest to an example
        Stage<InstanceDraft> judging = judge == null ? null : Stage.of(LlmJudge.STAGE, Priorities.FINISH - 1,
                new QualityJudgeJob(ctx, judge.judge(), judge.tally(), examples, pending));
        // the answer pass, like the judge, finishes instances already paid for before new ones are generated
        Stage<InstanceDraft> answering = answer == null ? null : Stage.of(AnswerSetup.STAGE, Priorities.FINISH - 1,
                new AnswerJob(ctx, answer.teacher(), answer.setup(), answer.tally(), examples, pending, rejections,
                        judging));
        Function<TaskCandidate, Stage<InstanceDraft>> afterInstances = answering == null ? task -> judging
                : task -> answer.setup().scope().covers(task.isClassification()) ? answering : judging;
        Stage<TaskCandidate> instances = Stage.of(SelfInstructPrompts.STAGE_INSTANCES, Priorities.FINISH,
                new InstanceGenerationJob(ctx, prompts, settings.instances(), settings.instancesPerTask(),
                        filters.instances(), pending, rejections, examples, afterInstances));
        Stage<TaskCandidate> classification = Stage.of(SelfInstructPrompts.STAGE_CLASSIFICATION, Priorities.JUDGE,
                new ClassificationJob(ctx, prompts, settings.classification(), pending, rejections, instances));
        this.generation = Stage.of(SelfInstructPrompts.STAGE_GENERATION, Priorities.PROPOSE,
                new InstructionGenerationJob(ctx, prompts, settings.generation(), filters, pool, pending,
                        rejections, classification));
        StageGraph.Builder stages = StageGraph.builder().stage(generation).stage(classification).stage(instances)
                .edge(generation, classification).edge(classification, instances);
        if (answering != null) {
            stages.stage(answering).edge(instances, answering);
        }
        if (judging != null) {
            stages.stage(judging).edge(instances, judging);
            if (answering != null) {
                stages.edge(answering, judging);
            }
        }
        this.graph = stages.build();
    }

    /** The answer pass of a run: its settings, the answer model's client, its counters (stats.json "answer"). */
    record Answering(AnswerSetup setup, TeacherClient teacher, AnswerTally tally) {
    }

    /** The judge of a run and its counters (the stats.json "quality" section). */
    public record Judging(LlmJudge judge, QualityTally tally) {
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
                if (pending.fruitlessInARow() >= settings.maxFruitlessInARow()) {
                    return null;
                }
                if (ctx.stats().accepted() + pending.expectedExamples() >= ctx.spec().target()) {
                    return null;
                }
                return propose();
            }

            /** Everything under way waits to retry: propose anyway rather than idle through the backoffs. */
            @Override
            public Job nextWhileAllWait() {
                return pending.fruitlessInARow() >= settings.maxFruitlessInARow() ? null : propose();
            }

            private Job propose() {
                List<PoolEntry> shown = sampler.sample(pool, ctx.random());
                pending.generationStarted();
                return jobs.job(generation, List.copyOf(shown));
            }

            @Override
            public String idleReason() {
                return pending.fruitlessInARow() >= settings.maxFruitlessInARow()
                        ? settings.maxFruitlessInARow() + " instruction-generation replies in a row gave no new "
                        + "instruction (the teacher repeats itself or its replies cannot be parsed; see "
                        + "rejected.jsonl)"
                        : "nothing in flight and nothing more to propose";
            }
        };
    }
}
