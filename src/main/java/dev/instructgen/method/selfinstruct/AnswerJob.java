package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;

/**
 * The answer pass ({@code --answer-pass}), after instance generation: the instance's output is written again by
 * asking the answer model the instruction and input directly, as a plain chat request (as Evol-Instruct's
 * response stage asks, WizardLM section 3.2), since the output Self-Instruct writes in the same completion as the
 * input is its weakest field (Wang et al. 2023, section 3.3: 54% of generated examples fully valid). The answer
 * replaces the output; an answer that was cut off or is empty drops the instance (rejected.jsonl, stage
 * {@code answer}). The answered instance then goes to the judge, or is written.
 */
final class AnswerJob implements Stage.Work<InstanceDraft> {

    private final RunContext ctx;
    private final TeacherClient teacher;
    private final AnswerSetup setup;
    private final AnswerTally tally;
    private final SelfInstructExamples examples;
    private final PendingWork pending;
    private final Rejections rejections;
    private final Stage<InstanceDraft> judge;

    /** @param judge the judge stage answered instances go to, or null: write them */
    AnswerJob(RunContext ctx, TeacherClient teacher, AnswerSetup setup, AnswerTally tally,
              SelfInstructExamples examples, PendingWork pending, Rejections rejections, Stage<InstanceDraft> judge) {
        this.ctx = ctx;
        this.teacher = teacher;
        this.setup = setup;
        this.tally = tally;
        this.examples = examples;
        this.pending = pending;
        this.rejections = rejections;
        this.judge = judge;
    }

    @Override
    public void process(InstanceDraft d, Stage.HandOff handOff) {
        boolean handedOn = false;
        try {
            if (ctx.targetReached()) {
                return;
            }
            TaskCandidate task = d.task();
            TeacherReply reply = teacher.complete(TeacherRequest.ofUserPrompt(AnswerSetup.STAGE,
                    setup.prompt(task.instruction(), d.instance().input()), setup.sampling()));
            String answer = AnswerText.clean(reply.text());
            if (reply.wasCutOff() || answer.isEmpty()) {
                rejections.reject(task.taskId() + "-" + d.n(), AnswerSetup.STAGE,
                        reply.wasCutOff() ? RejectionReason.ANSWER_CUT_OFF : RejectionReason.EMPTY_ANSWER,
                        reply.wasCutOff() ? "the answer hit the token limit (sampling.answer.max-tokens "
                                + setup.sampling().maxTokens() + ")" : "no answer once reasoning and chatter were "
                                + "removed: " + ClassificationJob.abbreviate(reply.text()),
                        task.instruction(), d.instance().input(), answer, task.parents());
                tally.rejected();
                return;
            }
            InstanceDraft answered = d.answered(answer, reply.usage(), setup.provenance());
            if (judge != null) {
                handOff.to(judge, answered);
                handedOn = true;
            } else {
                examples.write(examples.example(answered));
            }
        } finally {
            if (!handedOn) {
                pending.candidateFinished();
            }
        }
    }
}
