package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.text.ReasoningBlocks;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stage 3 of Self-Instruct (Wang et al. 2023, §2.2): a few-shot yes/no question whether the new instruction is a
 * classification task, which decides how its instances are generated. A reply with neither yes nor no drops the
 * task (reason {@code not_classification_answer}) rather than guessing the format.
 */
final class ClassificationJob implements Stage.Work<TaskCandidate> {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final RunContext ctx;
    private final SelfInstructPrompts prompts;
    private final Sampling sampling;
    private final PendingWork pending;
    private final Rejections rejections;
    private final Stage<TaskCandidate> instances;
    private final ClassificationAnswerParser answerParser = new ClassificationAnswerParser();

    ClassificationJob(RunContext ctx, SelfInstructPrompts prompts, Sampling sampling, PendingWork pending,
                      Rejections rejections, Stage<TaskCandidate> instances) {
        this.ctx = ctx;
        this.prompts = prompts;
        this.sampling = sampling;
        this.pending = pending;
        this.rejections = rejections;
        this.instances = instances;
    }

    private static String stage() {
        return SelfInstructPrompts.STAGE_CLASSIFICATION;
    }

    @Override
    public void process(TaskCandidate task, Stage.HandOff handOff) {
        boolean handedOn = false;
        try {
            if (ctx.targetReached()) {
                return;
            }
            TeacherReply reply = ctx.teacher().complete(TeacherRequest.ofUserPrompt(stage(),
                    prompts.classification(task.instruction()), sampling));
            Optional<Boolean> answer = answerParser.parse(ReasoningBlocks.strip(reply.text()));
            if (answer.isEmpty()) {
                String hint = reply.wasCutOff() ? " (cut off by the token limit: a model that reasons first needs "
                        + "a higher sampling.classification.max-tokens in the config)" : "";
                rejections.reject(task.taskId(), stage(), RejectionReason.NOT_CLASSIFICATION_ANSWER,
                        "expected Yes or No, got: " + abbreviate(reply.text()) + hint, task.instruction(), "", "",
                        task.parents());
                return;
            }
            handOff.to(instances, task.classified(answer.get(), reply.usage()));
            handedOn = true;
        } finally {
            if (!handedOn) {
                pending.taskFinished(0);
            }
        }
    }

    static String abbreviate(String text) {
        String t = WHITESPACE.matcher(text.strip()).replaceAll(" ");
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
