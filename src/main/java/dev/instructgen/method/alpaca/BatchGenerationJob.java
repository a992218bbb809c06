package dev.instructgen.method.alpaca;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.filter.CandidateInstance;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.filter.Verdict;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.text.ReasoningBlocks;
import dev.instructgen.text.Similarity;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one stage of Alpaca (Taori et al. 2023): a single request asks for a batch of whole triples; each parsed
 * triple goes through the heuristics, the field checks and the ROUGE-L novelty check, and the survivors are
 * written through the run's acceptance gate at once. The input is the sample of seed demonstrations.
 */
final class BatchGenerationJob implements Stage.Work<List<SeedTask>> {

    private final RunContext ctx;
    private final AlpacaPrompts prompts;
    private final AlpacaSettings settings;
    private final AlpacaFilters filters;
    private final Function<SeedTask, SeedSource> sourceOf;
    private final SessionIds ids;
    private final Yield yield;
    private final TripleParser parser;

    BatchGenerationJob(RunContext ctx, AlpacaPrompts prompts, AlpacaSettings settings, AlpacaFilters filters,
                       Function<SeedTask, SeedSource> sourceOf, SessionIds ids, Yield yield) {
        this.ctx = ctx;
        this.prompts = prompts;
        this.settings = settings;
        this.filters = filters;
        this.sourceOf = sourceOf;
        this.ids = ids;
        this.yield = yield;
        this.parser = new TripleParser(settings.tasksPerRequest());
    }

    @Override
    public void process(List<SeedTask> demos, Stage.HandOff handOff) {
        int accepted = 0;
        try {
            TeacherReply reply = ctx.teacher().complete(TeacherRequest.ofUserPrompt(AlpacaSettings.STAGE,
                    prompts.generation(demos, settings.tasksPerRequest()), settings.generation()));
            TripleParser.Reply parsed = parser.read(ReasoningBlocks.strip(reply.text()), reply.wasCutOff());
            List<String> parents = demos.stream().map(SeedTask::id).toList();
            Set<SeedSource> sources = demos.stream().map(sourceOf).collect(Collectors.toSet());
            if (parsed.cutOff() != null) {
                ctx.stats().onProposed(1);
                reject(ids.next(), RejectionReason.CUT_OFF, "the reply hit the length limit inside this triple",
                        parsed.cutOff(), parents);
            }
            ctx.stats().onProposed(parsed.triples().size());
            TokenUsage share = share(reply.usage(), Math.max(1, parsed.triples().size()));
            for (Triple triple : parsed.triples()) {
                if (consider(triple, parents, sources, share)) {
                    accepted++;
                }
            }
        } finally {
            yield.callFinished(accepted);
        }
    }

    private boolean consider(Triple triple, List<String> parents, Set<SeedSource> sources, TokenUsage usage) {
        String id = ids.next();
        if (filters.instruction().check(triple.instruction()) instanceof Verdict.Reject r) {
            reject(id, r.reason(), r.detail(), triple, parents);
            return false;
        }
        if (filters.fields().check(new CandidateInstance(triple.input(), triple.output())) instanceof Verdict.Reject r) {
            reject(id, r.reason(), r.detail(), triple, parents);
            return false;
        }
        NoveltyFilter.Admission novelty = filters.novelty().admit(new NoveltyFilter.Candidate(id,
                triple.instruction()));
        if (novelty.verdict() instanceof Verdict.Reject r) {
            reject(id, r.reason(), r.detail(), triple, parents);
            return false;
        }
        Similarity nearest = novelty.nearest() == null ? Similarity.NONE : novelty.nearest();
        Provenance provenance = new Provenance(ctx.runId(), ctx.now(), ctx.teacherRef(), prompts.provenance(),
                parents, null, new Provenance.Novelty(nearest.score(), nearest.mostSimilarId()),
                Provenance.Usage.of(usage));
        return ctx.accept(new Example(id, triple.instruction(), triple.input(), triple.output(), MethodId.ALPACA, id,
                false, provenance, ctx.licenseTagger().tag(sources)));
    }

    private void reject(String id, RejectionReason reason, String detail, Triple triple, List<String> parents) {
        ctx.reject(new Rejection(id, AlpacaSettings.STAGE, reason, detail, triple.instruction(), triple.input(),
                triple.output(), parents, Rejection.now(ctx.clock())));
    }

    /** This triple's share of the call that proposed it along with the others. */
    private static TokenUsage share(TokenUsage usage, int parts) {
        return new TokenUsage(usage.promptTokens() / parts, usage.completionTokens() / parts);
    }
}
