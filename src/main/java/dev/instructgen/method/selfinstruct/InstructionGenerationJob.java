package dev.instructgen.method.selfinstruct;

import dev.instructgen.text.ReasoningBlocks;
import dev.instructgen.filter.Verdict;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.Job;
import dev.instructgen.pipeline.Priorities;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.text.NoveltyDecision;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Stage 1 and 2 of Self-Instruct (Wang et al. 2023, §2.2-2.3): ask the teacher to continue a list of in-context
 * tasks, then pass each new instruction through the heuristic filters and the ROUGE-L novelty check. An
 * accepted instruction joins the pool at once and goes on to classification.
 */
final class InstructionGenerationJob implements Job {

    private final SelfInstructRun run;
    private final List<PoolEntry> shown;

    /** The prompt is rendered when the job runs, on its worker, not while the scheduler hands out work. */
    InstructionGenerationJob(SelfInstructRun run, List<PoolEntry> shown) {
        this.run = run;
        this.shown = List.copyOf(shown);
    }

    @Override
    public String stage() {
        return SelfInstructPrompts.STAGE_GENERATION;
    }

    @Override
    public int priority() {
        return Priorities.PROPOSE;
    }

    @Override
    public void run() {
        int accepted = 0;
        try {
            TeacherReply reply = run.ctx.teacher().complete(
                    TeacherRequest.ofUserPrompt(stage(), run.prompts.generation(shown), run.settings.generation()));
            InstructionListParser.ListReply list = run.listParser.read(ReasoningBlocks.strip(reply.text()),
                    reply.wasCutOff());
            List<String> candidates = list.instructions();
            List<String> parents = shown.stream().map(PoolEntry::id).toList();
            if (list.cutOff() != null) {
                String partial = list.cutOff();
                run.ctx.stats().onProposed(1);
                run.reject(run.nextId(), stage(), "cut_off", "the reply hit the length limit inside this item",
                        partial, "", "", parents);
            }
            run.ctx.stats().onProposed(candidates.size());
            TokenUsage share = share(reply.usage(), Math.max(1, candidates.size()));
            Set<SeedSource> sources = new HashSet<>();
            shown.forEach(e -> sources.addAll(e.sources()));
            for (String instruction : candidates) {
                if (consider(instruction, parents, sources, share)) {
                    accepted++;
                }
            }
        } finally {
            run.generationFinished(accepted);
        }
    }

    private boolean consider(String instruction, List<String> parents, Set<SeedSource> sources, TokenUsage usage) {
        String id = run.nextId();
        Verdict verdict = run.instructionScreen.check(instruction);
        if (verdict.rejected()) {
            run.reject(id, stage(), verdict.reason(), verdict.detail(), instruction, "", "", parents);
            return false;
        }
        NoveltyDecision novelty = run.ctx.novelty().admit(id, instruction);
        if (!novelty.novel()) {
            String similar = novelty.nearest().mostSimilarId();
            String similarText = run.pool.byId(similar).map(PoolEntry::instruction).orElse("?");
            run.reject(id, stage(), "too_similar", String.format(Locale.ROOT,
                    "ROUGE-L F1 %.3f > %.2f with %s: %s", novelty.nearest().score(),
                    run.ctx.novelty().threshold(), similar, similarText), instruction, "", "", parents);
            return false;
        }
        run.pool.addGenerated(new PoolEntry(id, instruction, false, sources));
        run.taskStarted();
        run.scheduler.submit(new ClassificationJob(run,
                new TaskCandidate(id, instruction, parents, sources, novelty.nearest(), usage, false)));
        return true;
    }

    /** This instruction's share of the call that proposed it along with others. */
    private static TokenUsage share(TokenUsage usage, int parts) {
        return new TokenUsage(usage.promptTokens() / parts, usage.completionTokens() / parts);
    }
}
