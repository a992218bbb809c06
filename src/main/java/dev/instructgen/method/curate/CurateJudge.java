package dev.instructgen.method.curate;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.filter.Verdict;
import dev.instructgen.filter.quality.LlmJudge;
import dev.instructgen.filter.quality.QualityTally;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.teacher.TokenUsage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The LLM judge of a curate run ({@code curate --judge}): the same {@link LlmJudge} the generating commands call
 * inline, its counters (the stats.json {@code quality} section, rebuilt on resume from the journals), and what a
 * kept record gains from it: {@code provenance.quality}, the rubric's hash under {@code provenance.prompts}, and the
 * judge's terms joined to the license block the record came with.
 */
final class CurateJudge {

    private final RunContext ctx;
    private final LlmJudge judge;
    private final QualityTally tally = new QualityTally();

    CurateJudge(RunContext ctx, LlmJudge judge) {
        this.ctx = ctx;
        this.judge = judge;
        tally.restore(ctx.restoredExamples(), ctx.resumed() ? ctx.journal().restoredRejections() : List.of());
        ctx.stats().addSection("quality", tally::snapshot);
    }

    LlmJudge.Judgement judge(Example e) {
        return judge.judge(e);
    }

    /** A verdict read back from the score checkpoint, to count when its record is decided. */
    static LlmJudge.Judgement restored(Provenance.Quality q) {
        return new LlmJudge.Judgement(q.score(), q.rationale(), Verdict.accept(), q.judge(), TokenUsage.ZERO);
    }

    /** Counts a judgement once its record is decided: kept, or dropped by the judge itself. */
    void count(LlmJudge.Judgement j, boolean kept) {
        if (tally.count(j, kept)) {
            ctx.warn(QualityTally.UNREADABLE_WARNING);
        }
    }

    /** The record as kept: the judge's verdict in its provenance and the judge's terms in its license. */
    Example judged(Example e, Provenance.Quality quality) {
        Provenance p = e.provenance();
        Map<String, String> prompts = new LinkedHashMap<>(p == null ? Map.of() : p.prompts());
        prompts.put(LlmJudge.STAGE, judge.provenance());
        Provenance withVerdict = p == null
                ? new Provenance(ctx.runId(), ctx.now(), null, prompts, List.of(), null, null, null, quality)
                : new Provenance(p.runId(), p.createdAt(), p.teacher(), prompts, p.parents(), p.evolution(),
                p.novelty(), p.usage(), quality);
        LicenseInfo license = e.license() == null ? ctx.licenseTagger().tag(Set.of())
                : ctx.licenseTagger().tag(Set.of(), List.of(e.license()));
        return new Example(e.id(), e.instruction(), e.input(), e.output(), e.method(), e.taskId(),
                e.isClassification(), withVerdict, license, e.messages());
    }
}
