package dev.instructgen.method.invert;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.pipeline.GenerationMethod;
import dev.instructgen.pipeline.Job;
import dev.instructgen.pipeline.JobSource;
import dev.instructgen.pipeline.Priorities;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.pipeline.StageGraph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An inversion run on the engine: one stage, {@code invert}, fed with the source examples not yet done. The
 * journals say what is done: a source is done once its inversion ({@code <id>.inv}) is in examples.jsonl or
 * rejected.jsonl, so a resumed run asks only about the others. Sources are started only while the inversions in
 * flight could still be needed for {@code --target}.
 */
final class InvertRun implements GenerationMethod.MethodRun {

    private final RunContext ctx;
    private final List<SourceExample> todo;
    private final Stage<SourceExample> stage;
    private final StageGraph graph;
    private final AtomicInteger inFlight = new AtomicInteger();
    private int cursor;

    private InvertRun(RunContext ctx, List<SourceExample> todo, InversionJob job) {
        this.ctx = ctx;
        this.todo = todo;
        this.stage = Stage.of(InvertSettings.STAGE, Priorities.FINISH, (source, handOff) -> {
            try {
                job.process(source, handOff);
            } finally {
                inFlight.decrementAndGet();
            }
        });
        this.graph = StageGraph.builder().stage(stage).build();
    }

    static InvertRun start(RunContext ctx, List<SourceExample> sources, InvertSettings settings,
                           InvertPrompts prompts) {
        InversionCounts counts = new InversionCounts(sources.size());
        NoveltyFilter novelty = NoveltyFilter.over(ctx.novelty(), (nearest, threshold) -> String.format(
                java.util.Locale.ROOT, "ROUGE-L F1 %.3f > %.2f with %s", nearest.score(), threshold,
                nearest.mostSimilarId()));
        sources.forEach(s -> novelty.remember(s.id(), s.instruction()));
        Set<String> done = new HashSet<>();
        for (Example e : ctx.restoredExamples()) {
            if (e.method() == MethodId.INVERT && !e.provenance().parents().isEmpty()) {
                done.add(e.provenance().parents().get(0));
                novelty.remember(e.id(), e.instruction());
                counts.attempted();
                counts.accepted();
            }
        }
        if (ctx.resumed()) {
            Set<String> rejectedIds = new HashSet<>();
            for (Rejection r : ctx.journal().restoredRejections()) {
                // a crash between a redo and its write can leave one source's rejection twice: count it once
                if (InvertSettings.STAGE.equals(r.stage()) && !r.parents().isEmpty()
                        && !done.contains(r.parents().get(0)) && rejectedIds.add(r.id())) {
                    done.add(r.parents().get(0));
                    counts.attempted();
                    if (r.reason() == RejectionReason.INVERSION_SKIPPED) {
                        counts.skipped();
                    } else {
                        counts.rejected();
                    }
                }
            }
        }
        ctx.stats().addSection("inversion", counts::snapshot);
        List<SourceExample> todo = sources.stream().filter(s -> !done.contains(s.id())).toList();
        return new InvertRun(ctx, todo, new InversionJob(ctx, prompts, settings.sampling(), novelty, counts));
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
                if (cursor >= todo.size() || ctx.stats().accepted() + inFlight.get() >= ctx.spec().target()) {
                    return null;
                }
                inFlight.incrementAndGet();
                return jobs.job(stage, todo.get(cursor++));
            }

            @Override
            public boolean exhausted() {
                return cursor >= todo.size() || ctx.targetReached();
            }

            @Override
            public String idleReason() {
                return "every source example is inverted or in flight";
            }
        };
    }
}
