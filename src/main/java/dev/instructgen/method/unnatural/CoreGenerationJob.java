package dev.instructgen.method.unnatural;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.filter.Verdict;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.text.ReasoningBlocks;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Core generation (Honovich et al. 2023, section 2.1): three seed demonstrations of instruction, input and
 * constraints, and the teacher writes a fourth. The new instruction passes the heuristics and the ROUGE-L novelty
 * check, then goes on to output generation with its input and constraints.
 */
final class CoreGenerationJob implements Stage.Work<List<SeedTask>> {

    private final RunContext ctx;
    private final UnnaturalPrompts prompts;
    private final UnnaturalSettings settings;
    private final UnnaturalFilters filters;
    private final Function<SeedTask, SeedSource> sourceOf;
    private final SessionIds ids;
    private final Pending pending;
    private final Records records;
    private final Stage<CoreTask> output;
    private final CoreParser parser = new CoreParser();

    CoreGenerationJob(RunContext ctx, UnnaturalPrompts prompts, UnnaturalSettings settings, UnnaturalFilters filters,
                      Function<SeedTask, SeedSource> sourceOf, SessionIds ids, Pending pending, Records records,
                      Stage<CoreTask> output) {
        this.ctx = ctx;
        this.prompts = prompts;
        this.settings = settings;
        this.filters = filters;
        this.sourceOf = sourceOf;
        this.ids = ids;
        this.pending = pending;
        this.records = records;
        this.output = output;
    }

    @Override
    public void process(List<SeedTask> demos, Stage.HandOff handOff) {
        boolean passed = false;
        try {
            TeacherReply reply = ctx.teacher().complete(TeacherRequest.ofUserPrompt(UnnaturalSettings.STAGE_CORE,
                    prompts.core(demos), settings.core()));
            String stage = UnnaturalSettings.STAGE_CORE;
            List<String> parents = demos.stream().map(SeedTask::id).toList();
            String id = ids.next();
            ctx.stats().onProposed(1);
            CoreParser.Core core = parser.read(ReasoningBlocks.strip(reply.text()));
            if (reply.wasCutOff()) {
                records.reject(id, stage, RejectionReason.CUT_OFF, "the reply hit the length limit",
                        core == null ? reply.text() : core.instruction(), "", "", parents);
                return;
            }
            if (core == null) {
                records.reject(id, stage, RejectionReason.NO_INSTANCES, "no Instruction: field in the reply",
                        reply.text(), "", "", parents);
                return;
            }
            if (filters.instruction().check(core.instruction()) instanceof Verdict.Reject r) {
                records.reject(id, stage, r.reason(), r.detail(), core.instruction(), core.input(), "", parents);
                return;
            }
            NoveltyFilter.Admission novelty = filters.novelty().admit(new NoveltyFilter.Candidate(id,
                    core.instruction()));
            if (novelty.verdict() instanceof Verdict.Reject r) {
                records.reject(id, stage, r.reason(), r.detail(), core.instruction(), core.input(), "", parents);
                return;
            }
            Set<SeedSource> sources = demos.stream().map(sourceOf).collect(Collectors.toSet());
            handOff.to(output, new CoreTask(id, core.instruction(), core.input(), core.constraints(), "", parents,
                    sources, novelty.nearest(), reply.usage()));
            passed = true;
        } finally {
            pending.coreFinished(passed);
        }
    }
}
