package dev.instructgen.method.unnatural;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.Verdict;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.text.ReasoningBlocks;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Expansion (Honovich et al. 2023, section 2.3): the teacher rewords a written core instruction N ways; each
 * reformulation becomes an example with the core's task id, input and output and the core as its parent. They
 * pass the instruction heuristics but not the novelty check: a paraphrase is meant to resemble its parent and its
 * siblings. A reformulation that repeats the parent or a sibling word for word adds nothing and is dropped.
 */
final class ParaphraseJob implements Stage.Work<CoreTask> {

    private final RunContext ctx;
    private final UnnaturalPrompts prompts;
    private final UnnaturalSettings settings;
    private final UnnaturalFilters filters;
    private final Pending pending;
    private final Records records;
    private final ParaphraseParser parser = new ParaphraseParser();

    ParaphraseJob(RunContext ctx, UnnaturalPrompts prompts, UnnaturalSettings settings, UnnaturalFilters filters,
                  Pending pending, Records records) {
        this.ctx = ctx;
        this.prompts = prompts;
        this.settings = settings;
        this.filters = filters;
        this.pending = pending;
        this.records = records;
    }

    @Override
    public void process(CoreTask task, Stage.HandOff handOff) {
        try {
            if (ctx.targetReached()) {
                return;
            }
            String stage = UnnaturalSettings.STAGE_PARAPHRASE;
            TeacherReply reply = ctx.teacher().complete(TeacherRequest.ofUserPrompt(stage,
                    prompts.paraphrase(task.instruction(), settings.paraphrases()), settings.paraphrase()));
            List<String> items = parser.read(ReasoningBlocks.strip(reply.text()), reply.wasCutOff(),
                    settings.paraphrases());
            ctx.stats().onProposed(items.size());
            TokenUsage share = new TokenUsage(reply.usage().promptTokens() / Math.max(1, items.size()),
                    reply.usage().completionTokens() / Math.max(1, items.size()));
            Set<String> seen = new HashSet<>(Set.of(key(task.instruction())));
            int n = 0;
            for (String item : items) {
                String id = task.id() + "-p" + (++n);
                if (!seen.add(key(item))) {
                    records.reject(id, stage, RejectionReason.DUPLICATE_INSTANCE,
                            "repeats the core instruction or another paraphrase of it", item, task.input(),
                            task.output(), List.of(task.id()));
                } else if (filters.instruction().check(item) instanceof Verdict.Reject r) {
                    records.reject(id, stage, r.reason(), r.detail(), item, task.input(), task.output(),
                            List.of(task.id()));
                } else {
                    ctx.accept(records.paraphrase(id, item, task, share));
                }
            }
        } finally {
            pending.paraphrasesFinished();
        }
    }

    private static String key(String instruction) {
        return instruction.toLowerCase(Locale.ROOT).replaceAll("\\W+", " ").strip();
    }
}
