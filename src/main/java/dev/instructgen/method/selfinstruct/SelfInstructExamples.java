package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.pipeline.RunContext;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the example record of an instance, with the answer model when the answer pass wrote its output and the
 * judge's verdict when one was asked.
 */
final class SelfInstructExamples {

    private final RunContext ctx;
    private final SelfInstructPrompts prompts;
    private final AnswerSetup answer;
    private final AnswerTally answers;

    SelfInstructExamples(RunContext ctx, SelfInstructPrompts prompts) {
        this(ctx, prompts, null, null);
    }

    /** @param answer the answer pass and its counters, or null */
    SelfInstructExamples(RunContext ctx, SelfInstructPrompts prompts, AnswerSetup answer, AnswerTally answers) {
        this.ctx = ctx;
        this.prompts = prompts;
        this.answer = answer;
        this.answers = answers;
    }

    /** Writes the example through the run's acceptance gate; whether it was written (false: target reached). */
    boolean write(Example example) {
        boolean written = ctx.accept(example);
        if (written && answers != null) {
            answers.written(example);
        }
        return written;
    }

    Example example(InstanceDraft d) {
        return example(d, null, null);
    }

    /**
     * @param judgeTemplate "judge/score.txt@sha" recorded under the judge's stage, or null
     * @param quality       the judge's verdict, or null
     */
    Example example(InstanceDraft d, String judgeTemplate, Provenance.Quality quality) {
        TaskCandidate task = d.task();
        Map<String, String> used = new LinkedHashMap<>(prompts.provenance(task.isClassification()));
        if (d.answer() != null) {
            used.put(AnswerSetup.STAGE, answer.template().provenanceId());
        }
        if (judgeTemplate != null) {
            used.put(dev.instructgen.filter.quality.LlmJudge.STAGE, judgeTemplate);
        }
        Provenance provenance = new Provenance(ctx.runId(), ctx.now(), ctx.teacherRef(d.endpoint()), used,
                task.parents(), null, new Provenance.Novelty(task.novelty().score(), task.novelty().mostSimilarId()),
                Provenance.Usage.of(d.usage()), quality).withEndpoint(d.endpoint()).withAnswer(d.answer());
        return new Example(task.taskId() + "-" + d.n(), task.instruction(), d.instance().input(),
                d.instance().output(), MethodId.SELF_INSTRUCT, task.taskId(), task.isClassification(), provenance,
                license(d));
    }

    /** The seeds and the teacher, plus the answer model's terms when another model wrote the output. */
    private LicenseInfo license(InstanceDraft d) {
        if (d.answer() == null || !answer.ownStack()) {
            return ctx.licenseTagger(d.endpoint()).tag(d.task().sources());
        }
        return ctx.licenseTagger(d.endpoint()).tagWithSecondTeacher(d.task().sources(), answer.terms());
    }
}
