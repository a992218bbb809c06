package dev.instructgen.method.selfinstruct;

import dev.instructgen.text.ReasoningBlocks;
import dev.instructgen.pipeline.Job;
import dev.instructgen.pipeline.Priorities;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stage 3 of Self-Instruct (Wang et al. 2023, §2.2): a few-shot yes/no question whether the new instruction is a
 * classification task, which decides how its instances are generated. A reply with neither yes nor no drops the
 * task (reason {@code not_classification_answer}) rather than guessing the format.
 */
final class ClassificationJob implements Job {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final SelfInstructRun run;
    private final TaskCandidate task;

    ClassificationJob(SelfInstructRun run, TaskCandidate task) {
        this.run = run;
        this.task = task;
    }

    @Override
    public String stage() {
        return SelfInstructPrompts.STAGE_CLASSIFICATION;
    }

    @Override
    public int priority() {
        return Priorities.JUDGE;
    }

    @Override
    public void run() {
        boolean handedOn = false;
        try {
            if (run.ctx.targetReached()) {
                return;
            }
            TeacherReply reply = run.ctx.teacher().complete(TeacherRequest.ofUserPrompt(stage(),
                    run.prompts.classification(task.instruction()), run.settings.classification()));
            Optional<Boolean> answer = run.answerParser.parse(ReasoningBlocks.strip(reply.text()));
            if (answer.isEmpty()) {
                String hint = reply.wasCutOff() ? " (cut off by the token limit: a model that reasons first needs "
                        + "a higher sampling.classification.max-tokens in the config)" : "";
                run.reject(task.taskId(), stage(), "not_classification_answer",
                        "expected Yes or No, got: " + abbreviate(reply.text()) + hint, task.instruction(), "", "",
                        task.parents());
                return;
            }
            run.scheduler.submit(new InstanceGenerationJob(run, task.classified(answer.get(), reply.usage())));
            handedOn = true;
        } finally {
            if (!handedOn) {
                run.taskFinished(0);
            }
        }
    }

    static String abbreviate(String text) {
        String t = WHITESPACE.matcher(text.strip()).replaceAll(" ");
        return t.length() <= 80 ? t : t.substring(0, 77) + "...";
    }
}
