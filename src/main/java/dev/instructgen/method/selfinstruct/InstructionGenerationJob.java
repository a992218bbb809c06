package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.text.ReasoningBlocks;
import dev.instructgen.filter.Verdict;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stage 1 and 2 of Self-Instruct (Wang et al. 2023, §2.2-2.3): ask the teacher to continue a list of in-context
 * tasks, then pass each new instruction through the heuristic filters and the ROUGE-L novelty check. An
 * accepted instruction joins the pool at once and is handed on to classification. The input is the in-context
 * sample; the prompt is rendered when the job runs, on its worker, not while the scheduler hands out work.
 */
final class InstructionGenerationJob implements Stage.Work<List<PoolEntry>> {

    private final RunContext ctx;
    private final SelfInstructPrompts prompts;
    private final Sampling sampling;
    private final SelfInstructFilters filters;
    private final TaskPool pool;
    private final PendingWork pending;
    private final Rejections rejections;
    private final Stage<TaskCandidate> classification;
    private final InstructionListParser listParser = new InstructionListParser();

    InstructionGenerationJob(RunContext ctx, SelfInstructPrompts prompts, Sampling sampling,
                             SelfInstructFilters filters, TaskPool pool, PendingWork pending,
                             Rejections rejections, Stage<TaskCandidate> classification) {
        this.ctx = ctx;
        this.prompts = prompts;
        this.sampling = sampling;
        this.filters = filters;
        this.pool = pool;
        this.pending = pending;
        this.rejections = rejections;
        this.classification = classification;
    }

    private static String stage() {
        return SelfInstructPrompts.STAGE_GENERATION;
    }

    @Override
    public void process(List<PoolEntry> shown, Stage.HandOff handOff) {
        int accepted = 0;
        try {
            TeacherReply reply = ctx.teacher().complete(
                    TeacherRequest.ofUserPrompt(stage(), prompts.generation(shown), sampling)
                            .withSchema(InstructionListSchema.SCHEMA));
            InstructionListParser.ListReply list = listParser.read(ReasoningBlocks.strip(reply.text()),
                    reply.wasCutOff());
            List<String> candidates = list.instructions();
            List<String> parents = shown.stream().map(PoolEntry::id).toList();
            if (list.cutOff() != null) {
                String partial = list.cutOff();
                ctx.stats().onProposed(1);
                rejections.reject(rejections.nextId(), stage(), RejectionReason.CUT_OFF,
                        "the reply hit the length limit inside this item", partial, "", "", parents);
            }
            ctx.stats().onProposed(candidates.size());
            TokenUsage share = share(reply.usage(), Math.max(1, candidates.size()));
            Set<SeedSource> sources = new HashSet<>();
            shown.forEach(e -> sources.addAll(e.sources()));
            for (String instruction : candidates) {
                if (consider(instruction, parents, sources, share, handOff)) {
                    accepted++;
                }
            }
        } finally {
            pending.generationFinished(accepted);
        }
    }

    private boolean consider(String instruction, List<String> parents, Set<SeedSource> sources, TokenUsage usage,
                             Stage.HandOff handOff) {
        String id = rejections.nextId();
        if (filters.instruction().check(instruction) instanceof Verdict.Reject r) {
            rejections.reject(id, stage(), r.reason(), r.detail(), instruction, "", "", parents);
            return false;
        }
        NoveltyFilter.Admission novelty = filters.novelty().admit(new NoveltyFilter.Candidate(id, instruction));
        if (novelty.verdict() instanceof Verdict.Reject r) {
            rejections.reject(id, stage(), r.reason(), r.detail(), instruction, "", "", parents);
            return false;
        }
        pool.addGenerated(new PoolEntry(id, instruction, false, sources));
        pending.taskStarted();
        handOff.to(classification,
                new TaskCandidate(id, instruction, parents, sources, novelty.nearest(), usage, false));
        return true;
    }

    /** This instruction's share of the call that proposed it along with others. */
    private static TokenUsage share(TokenUsage usage, int parts) {
        return new TokenUsage(usage.promptTokens() / parts, usage.completionTokens() / parts);
    }
}
