package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.pipeline.RunContext;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the example record of an instance, with the judge's verdict when one was asked. */
final class SelfInstructExamples {

    private final RunContext ctx;
    private final SelfInstructPrompts prompts;

    SelfInstructExamples(RunContext ctx, SelfInstructPrompts prompts) {
        this.ctx = ctx;
        this.prompts = prompts;
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
        if (judgeTemplate != null) {
            used.put(dev.instructgen.filter.quality.LlmJudge.STAGE, judgeTemplate);
        }
        Provenance provenance = new Provenance(ctx.runId(), ctx.now(), ctx.teacherRef(d.endpoint()), used,
                task.parents(), null, new Provenance.Novelty(task.novelty().score(), task.novelty().mostSimilarId()),
                Provenance.Usage.of(d.usage()), quality).withEndpoint(d.endpoint());
        return new Example(task.taskId() + "-" + d.n(), task.instruction(), d.instance().input(),
                d.instance().output(), MethodId.SELF_INSTRUCT, task.taskId(), task.isClassification(), provenance,
                ctx.licenseTagger(d.endpoint()).tag(task.sources()));
    }
}
