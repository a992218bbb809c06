package dev.instructgen.method.unnatural;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.CandidateInstance;
import dev.instructgen.filter.Verdict;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.text.ReasoningBlocks;

/**
 * Output generation (Honovich et al. 2023, section 2.2): a second request, greedy, answers the instruction for
 * its input under its constraints; the constraints are then dropped and the core example is written. Once
 * written it goes on to be paraphrased, when paraphrases are asked for.
 */
final class OutputGenerationJob implements Stage.Work<CoreTask> {

    private final RunContext ctx;
    private final UnnaturalPrompts prompts;
    private final UnnaturalSettings settings;
    private final UnnaturalFilters filters;
    private final Pending pending;
    private final Records records;
    private final Stage<CoreTask> paraphrase;

    OutputGenerationJob(RunContext ctx, UnnaturalPrompts prompts, UnnaturalSettings settings,
                        UnnaturalFilters filters, Pending pending, Records records, Stage<CoreTask> paraphrase) {
        this.ctx = ctx;
        this.prompts = prompts;
        this.settings = settings;
        this.filters = filters;
        this.pending = pending;
        this.records = records;
        this.paraphrase = paraphrase;
    }

    @Override
    public void process(CoreTask task, Stage.HandOff handOff) {
        boolean written = false;
        try {
            if (ctx.targetReached()) {
                return;
            }
            String stage = UnnaturalSettings.STAGE_OUTPUT;
            TeacherReply reply = ctx.teacher().complete(TeacherRequest.ofUserPrompt(stage, prompts.output(task),
                    settings.output()));
            String answer = ReasoningBlocks.strip(reply.text()).strip();
            if (reply.wasCutOff()) {
                records.reject(task.id(), stage, RejectionReason.CUT_OFF, "the answer hit the length limit",
                        task.instruction(), task.input(), answer, task.parents());
                return;
            }
            if (filters.fields().check(new CandidateInstance(task.input(), answer)) instanceof Verdict.Reject r) {
                records.reject(task.id(), stage, r.reason(), r.detail(), task.instruction(), task.input(), answer,
                        task.parents());
                return;
            }
            CoreTask answered = task.withOutput(answer, reply.usage());
            written = ctx.accept(records.core(answered));
            if (written && settings.paraphrases() > 0) {
                handOff.to(paraphrase, answered);
            }
        } finally {
            pending.outputFinished(written, settings.paraphrases() > 0);
        }
    }
}
