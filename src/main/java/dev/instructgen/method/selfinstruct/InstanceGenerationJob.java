package dev.instructgen.method.selfinstruct;

import dev.instructgen.text.ReasoningBlocks;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.CandidateInstance;
import dev.instructgen.filter.InstanceScreen;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;

import java.util.List;
import java.util.function.Function;

/**
 * Stage 4 and 5 of Self-Instruct (Wang et al. 2023, §2.2-2.3): generate instances (output-first for
 * classification tasks, input-first otherwise), screen them (cut-off last instance, empty or copied outputs,
 * conflicts, duplicates, more than {@code --instances-per-task}), and write the rest through the run's
 * acceptance gate, or hand them to the answer pass or the judge. The request declares the reply's JSON shape
 * ({@link InstanceSchema}) for servers that do structured output; a plain-text reply is parsed the same way.
 */
final class InstanceGenerationJob implements Stage.Work<TaskCandidate> {

    private final RunContext ctx;
    private final SelfInstructPrompts prompts;
    private final Sampling sampling;
    private final int instancesPerTask;
    private final InstanceScreen instanceScreen;
    private final PendingWork pending;
    private final Rejections rejections;
    private final InstanceParser instanceParser = new InstanceParser();
    private final SelfInstructExamples examples;
    private final Function<TaskCandidate, Stage<InstanceDraft>> next;

    /**
     * @param next per task, the stage its screened instances go to before they are written (the answer pass, the
     *             judge), or null: write them
     */
    InstanceGenerationJob(RunContext ctx, SelfInstructPrompts prompts, Sampling sampling, int instancesPerTask,
                          InstanceScreen instanceScreen, PendingWork pending, Rejections rejections,
                          SelfInstructExamples examples, Function<TaskCandidate, Stage<InstanceDraft>> next) {
        this.examples = examples;
        this.next = next;
        this.ctx = ctx;
        this.prompts = prompts;
        this.sampling = sampling;
        this.instancesPerTask = instancesPerTask;
        this.instanceScreen = instanceScreen;
        this.pending = pending;
        this.rejections = rejections;
    }

    private static String stage() {
        return SelfInstructPrompts.STAGE_INSTANCES;
    }

    @Override
    public void process(TaskCandidate task, Stage.HandOff handOff) {
        int written = 0;
        try {
            if (ctx.targetReached()) {
                return;
            }
            int k = instancesPerTask;
            TeacherReply reply = ctx.teacher().complete(TeacherRequest.ofUserPrompt(stage(),
                    prompts.instances(task.instruction(), task.isClassification(), k), sampling)
                    .withSchema(InstanceSchema.of(task.isClassification())));
            String text = ReasoningBlocks.strip(reply.text());
            List<CandidateInstance> parsed = task.isClassification()
                    ? instanceParser.outputFirst(text)
                    : instanceParser.inputFirst(text);
            if (parsed.isEmpty()) {
                rejections.reject(task.taskId(), stage(), RejectionReason.NO_INSTANCES, "no instance found in the reply: "
                        + ClassificationJob.abbreviate(reply.text()), task.instruction(), "", "", task.parents());
                return;
            }
            InstanceScreen.Result screened = instanceScreen.screen(parsed, reply.wasCutOff());
            screened.rejected().forEach(r -> rejectInstance(task, r.instance(), r.verdict().reason(),
                    r.verdict().detail()));
            TokenUsage usage = task.usage().plus(reply.usage());
            List<CandidateInstance> kept = screened.kept();
            Stage<InstanceDraft> next = this.next.apply(task);
            if (next != null) {
                pending.candidatesStarted(kept.size());
                written = kept.size(); // expected to become examples; the judge has the last word
            }
            for (int i = 0; i < kept.size(); i++) {
                InstanceDraft draft = new InstanceDraft(task, kept.get(i), i + 1, usage, reply.endpoint());
                if (next != null) {
                    handOff.to(next, draft);
                } else if (examples.write(examples.example(draft))) {
                    written++;
                }
            }
        } finally {
            pending.taskFinished(written);
        }
    }

    private void rejectInstance(TaskCandidate task, CandidateInstance instance, RejectionReason reason,
                                String detail) {
        rejections.reject(task.taskId(), stage(), reason, detail, task.instruction(), instance.input(),
                instance.output(),
                task.parents());
    }
}
