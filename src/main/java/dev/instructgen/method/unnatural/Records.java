package dev.instructgen.method.unnatural;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.text.Similarity;

import java.util.List;

/** The examples and rejections the stages write, with their provenance and license. */
final class Records {

    private final RunContext ctx;
    private final UnnaturalPrompts prompts;

    Records(RunContext ctx, UnnaturalPrompts prompts) {
        this.ctx = ctx;
        this.prompts = prompts;
    }

    void reject(String id, String stage, RejectionReason reason, String detail, String instruction, String input,
                String output, List<String> parents) {
        ctx.reject(new Rejection(id, stage, reason, detail, instruction, input, output, parents,
                Rejection.now(ctx.clock())));
    }

    /** The core example: its own task, shown with the seed demonstrations. */
    Example core(CoreTask task) {
        return example(task.id(), task.instruction(), task, task.parents(), task.novelty(), task.usage(), false);
    }

    /** A reformulation of {@code task}'s instruction: same task id, same input and output, the core as parent. */
    Example paraphrase(String id, String instruction, CoreTask task, TokenUsage usage) {
        return example(id, instruction, task, List.of(task.id()), Similarity.NONE, usage, true);
    }

    private Example example(String id, String instruction, CoreTask task, List<String> parents, Similarity novelty,
                            TokenUsage usage, boolean paraphrased) {
        Similarity n = novelty == null ? Similarity.NONE : novelty;
        Provenance provenance = new Provenance(ctx.runId(), ctx.now(), ctx.teacherRef(),
                prompts.provenance(paraphrased), parents, null, new Provenance.Novelty(n.score(), n.mostSimilarId()),
                Provenance.Usage.of(usage));
        return new Example(id, instruction, task.input(), task.output(), MethodId.UNNATURAL, task.id(), false,
                provenance, ctx.licenseTagger().tag(task.sources()));
    }
}
