package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.Rejection;
import dev.instructgen.filter.Verdict;
import dev.instructgen.filter.quality.LlmJudge;
import dev.instructgen.filter.quality.QualityTally;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;

/**
 * The judge stage of Self-Instruct ({@code --judge}), after instance generation: the LLM judge scores each screened
 * instance before it counts toward {@code --target}; a kept one is written with provenance.quality, a rejected one
 * goes to rejected.jsonl as {@code low_quality} (with its score) or {@code judge_unreadable}.
 */
final class QualityJudgeJob implements Stage.Work<InstanceDraft> {

    private final RunContext ctx;
    private final LlmJudge judge;
    private final QualityTally tally;
    private final SelfInstructExamples examples;
    private final PendingWork pending;

    QualityJudgeJob(RunContext ctx, LlmJudge judge, QualityTally tally, SelfInstructExamples examples,
                    PendingWork pending) {
        this.ctx = ctx;
        this.judge = judge;
        this.tally = tally;
        this.examples = examples;
        this.pending = pending;
    }

    @Override
    public void process(InstanceDraft d, Stage.HandOff handOff) {
        try {
            if (ctx.targetReached()) {
                return;
            }
            LlmJudge.Judgement j = judge.judge(d.task().instruction(), d.instance().input(), d.instance().output());
            InstanceDraft paid = d.plus(j.usage());
            boolean kept;
            if (j.verdict() instanceof Verdict.Reject r) {
                ctx.reject(new Rejection(d.task().taskId() + "-" + d.n(), LlmJudge.STAGE, r.reason(), r.detail(),
                        d.task().instruction(), d.instance().input(), d.instance().output(), d.task().parents(),
                        Rejection.now(ctx.clock()), j.score()));
                kept = false;
            } else {
                kept = examples.write(examples.example(paid, judge.provenance(), j.quality()));
                if (!kept) {
                    return; // target reached meanwhile: as if still in flight, not counted
                }
            }
            if (tally.count(j, kept)) {
                ctx.warn(QualityTally.UNREADABLE_WARNING);
            }
        } finally {
            pending.candidateFinished();
        }
    }
}
