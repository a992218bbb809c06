package dev.instructgen.method.selfinstruct;

import dev.instructgen.text.ReasoningBlocks;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.filter.CandidateInstance;
import dev.instructgen.filter.InstanceScreen;
import dev.instructgen.pipeline.Job;
import dev.instructgen.pipeline.Priorities;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TokenUsage;

import java.util.List;

/**
 * Stage 4 and 5 of Self-Instruct (Wang et al. 2023, §2.2-2.3): generate instances (output-first for
 * classification tasks, input-first otherwise), screen them (cut-off last instance, empty or copied outputs,
 * conflicts, duplicates, more than {@code --instances-per-task}), and write the rest through the run's
 * acceptance gate.
 */
final class InstanceGenerationJob implements Job {

    private final SelfInstructRun run;
    private final TaskCandidate task;

    InstanceGenerationJob(SelfInstructRun run, TaskCandidate task) {
        this.run = run;
        this.task = task;
    }

    @Override
    public String stage() {
        return SelfInstructPrompts.STAGE_INSTANCES;
    }

    @Override
    public int priority() {
        return Priorities.FINISH;
    }

    @Override
    public void run() {
        int written = 0;
        try {
            if (run.ctx.targetReached()) {
                return;
            }
            int k = run.settings.instancesPerTask();
            TeacherReply reply = run.ctx.teacher().complete(TeacherRequest.ofUserPrompt(stage(),
                    run.prompts.instances(task.instruction(), task.isClassification(), k), run.settings.instances()));
            String text = ReasoningBlocks.strip(reply.text());
            List<CandidateInstance> parsed = task.isClassification()
                    ? run.instanceParser.outputFirst(text)
                    : run.instanceParser.inputFirst(text);
            if (parsed.isEmpty()) {
                run.reject(task.taskId(), stage(), "no_instances", "no instance found in the reply: "
                        + ClassificationJob.abbreviate(reply.text()), task.instruction(), "", "", task.parents());
                return;
            }
            InstanceScreen.Result screened = run.instanceScreen.screen(parsed, reply.wasCutOff());
            screened.rejected().forEach(r -> rejectInstance(r.instance(), r.verdict().reason(), r.verdict().detail()));
            TokenUsage usage = task.usage().plus(reply.usage());
            List<CandidateInstance> kept = screened.kept();
            for (int i = 0; i < kept.size(); i++) {
                if (run.ctx.accept(example(kept.get(i), i + 1, usage))) {
                    written++;
                }
            }
        } finally {
            run.taskFinished(written);
        }
    }

    private Example example(CandidateInstance instance, int n, TokenUsage usage) {
        Provenance provenance = new Provenance(run.ctx.runId(), run.ctx.now(), run.ctx.teacherRef(),
                run.prompts.provenance(task.isClassification()), task.parents(), null,
                new Provenance.Novelty(task.novelty().score(), task.novelty().mostSimilarId()),
                Provenance.Usage.of(usage));
        return new Example(task.taskId() + "-" + n, task.instruction(), instance.input(), instance.output(),
                Example.SELF_INSTRUCT, task.taskId(), task.isClassification(), provenance,
                run.ctx.licenseTagger().tag(task.sources()));
    }

    private void rejectInstance(CandidateInstance instance, String reason, String detail) {
        run.reject(task.taskId(), stage(), reason, detail, task.instruction(), instance.input(), instance.output(),
                task.parents());
    }
}
