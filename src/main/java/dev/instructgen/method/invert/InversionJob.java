package dev.instructgen.method.invert;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.filter.Verdict;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;

import java.util.List;
import java.util.Map;

/**
 * The one stage of an inversion: one request asks the teacher for the inverse instruction of a source example;
 * the record takes the source's output as its input and the source's input (or question) as its output, so only
 * the instruction is the teacher's. SKIP, an empty or cut-off reply and an instruction too similar to an input or
 * an earlier inversion go to rejected.jsonl.
 */
final class InversionJob implements Stage.Work<SourceExample> {

    private final RunContext ctx;
    private final InvertPrompts prompts;
    private final Sampling sampling;
    private final NoveltyFilter novelty;
    private final InversionCounts counts;

    InversionJob(RunContext ctx, InvertPrompts prompts, Sampling sampling, NoveltyFilter novelty,
                 InversionCounts counts) {
        this.ctx = ctx;
        this.prompts = prompts;
        this.sampling = sampling;
        this.novelty = novelty;
        this.counts = counts;
    }

    static String idOf(SourceExample source) {
        return source.id() + ".inv";
    }

    @Override
    public void process(SourceExample source, Stage.HandOff handOff) {
        if (ctx.targetReached()) {
            return;
        }
        counts.attempted();
        ctx.stats().onProposed(1);
        TeacherReply reply = ctx.teacher().complete(TeacherRequest.ofUserPrompt(InvertSettings.STAGE,
                prompts.render(source), sampling));
        if (reply.wasCutOff()) {
            reject(source, RejectionReason.INVERSION_CUT_OFF, "the reply hit the token limit", reply.text());
            return;
        }
        InversionReply parsed = InversionReply.parse(reply.text());
        if (parsed instanceof InversionReply.Skip skip) {
            counts.skipped();
            reject(source, RejectionReason.INVERSION_SKIPPED, skip.why().isEmpty() ? "SKIP" : "SKIP: " + skip.why(),
                    "");
        } else if (parsed instanceof InversionReply.Inverted inverted) {
            admit(source, inverted.instruction(), reply);
        } else {
            reject(source, RejectionReason.EMPTY_INVERSION, "no instruction in the reply", reply.text());
        }
    }

    private void admit(SourceExample source, String instruction, TeacherReply reply) {
        String id = idOf(source);
        NoveltyFilter.Admission admission = novelty.admit(new NoveltyFilter.Candidate(id, instruction));
        if (admission.verdict() instanceof Verdict.Reject r) {
            reject(source, r.reason(), r.detail(), instruction);
            return;
        }
        Provenance.Novelty measured = admission.nearest() == null ? null
                : new Provenance.Novelty(admission.nearest().score(), admission.nearest().mostSimilarId());
        Provenance p = new Provenance(ctx.runId(), ctx.now(), ctx.teacherRef(),
                Map.of(InvertSettings.STAGE, prompts.template().provenanceId()), List.of(source.id()), null,
                measured, Provenance.Usage.of(reply.usage()));
        Example example = new Example(id, instruction, source.output(), source.invertedOutput(), MethodId.INVERT,
                id, false, p, ctx.licenseTagger().tag(List.of(source.source()),
                source.inherited() == null ? List.of() : List.of(source.inherited())));
        if (ctx.accept(example)) {
            counts.accepted();
        }
    }

    private void reject(SourceExample source, RejectionReason reason, String detail, String instruction) {
        if (reason != RejectionReason.INVERSION_SKIPPED) {
            counts.rejected();
        }
        ctx.reject(new Rejection(idOf(source), InvertSettings.STAGE, reason, detail, instruction, source.output(),
                source.invertedOutput(), List.of(source.id()), Rejection.now(ctx.clock())));
    }
}
