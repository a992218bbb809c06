package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.CostModel;
import dev.instructgen.pipeline.GenerationMethod;
import dev.instructgen.pipeline.MethodSettings;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.RunOutcome;
import dev.instructgen.pipeline.RunSession;
import dev.instructgen.pipeline.RunSpec;
import dev.instructgen.pipeline.SeedSetRun;
import dev.instructgen.report.MethodCard;
import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.TokenizerKind;

import dev.instructgen.filter.quality.InlineQuality;
import dev.instructgen.filter.quality.JudgeSetup;
import dev.instructgen.filter.quality.QualityTally;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Self-Instruct (Wang et al. 2023) as a {@link GenerationMethod}: grows a pool from seed tasks through the stages
 * of {@link SelfInstructRun}.
 *
 * @param seedsFile the seed file as given on the command line
 * @param judge     the LLM judge ({@code --judge}), or null
 * @param answer    the answer pass ({@code --answer-pass}), or null
 * @param quality   semantic dedup and decontamination ({@code --semantic-dedup}, {@code --decontaminate})
 */
public record SelfInstructMethod(Path seedsFile, List<SeedTask> seeds, SeedLicenses seedLicenses,
                                 SelfInstructSettings settings, InstructionFilterSettings filters,
                                 TokenizerKind tokenizer, double rougeThreshold, SelfInstructPrompts prompts,
                                 JudgeSetup judge, AnswerSetup answer, InlineQuality quality)
        implements GenerationMethod {

    public SelfInstructMethod(Path seedsFile, List<SeedTask> seeds, SeedLicenses seedLicenses,
                              SelfInstructSettings settings, InstructionFilterSettings filters,
                              TokenizerKind tokenizer, double rougeThreshold, SelfInstructPrompts prompts,
                              JudgeSetup judge) {
        this(seedsFile, seeds, seedLicenses, settings, filters, tokenizer, rougeThreshold, prompts, judge, null,
                InlineQuality.OFF);
    }

    public SelfInstructMethod(Path seedsFile, List<SeedTask> seeds, SeedLicenses seedLicenses,
                              SelfInstructSettings settings, InstructionFilterSettings filters,
                              TokenizerKind tokenizer, double rougeThreshold, SelfInstructPrompts prompts) {
        this(seedsFile, seeds, seedLicenses, settings, filters, tokenizer, rougeThreshold, prompts, null);
    }

    /**
     * What defines a Self-Instruct run, in the manifest's order ({@code judge} and {@code answer} only when
     * asked).
     */
    record Settings(double rougeThreshold, TokenizerKind tokenizer, SelfInstructSettings method,
                    InstructionFilterSettings filters, String seedsLicense, String policyVersion, JudgeSetup judge,
                    AnswerSetup answer, InlineQuality quality)
            implements MethodSettings {
        @Override
        public Map<String, Object> manifest() {
            Map<String, Object> m = SeedSetRun.manifest(rougeThreshold, tokenizer, method.manifestSettings(), filters,
                    seedsLicense, policyVersion);
            if (judge != null) {
                m.put("judge", judge.manifest());
            }
            if (answer != null) {
                m.put("answer", answer.manifest());
            }
            if (quality.on()) {
                m.put("quality", quality.manifest());
            }
            return m;
        }
    }

    @Override
    public MethodId id() {
        return MethodId.SELF_INSTRUCT;
    }

    @Override
    public void configure(RunSpec.Builder spec, RunSession.Licensing licensing) {
        SeedSetRun seedSet = new SeedSetRun(seedsFile, seedLicenses, tokenizer, rougeThreshold);
        seedSet.configure(spec, licensing, new Settings(rougeThreshold, tokenizer, settings, filters,
                seedSet.seedsLicense(), licensing.policyVersion(), judge, answer, quality), promptHashes());
    }

    private Map<String, String> promptHashes() {
        if (judge == null && answer == null) {
            return prompts.manifest();
        }
        Map<String, String> m = new LinkedHashMap<>(prompts.manifest());
        if (answer != null) {
            m.put(answer.template().name(), answer.template().sha256());
        }
        if (judge != null) {
            m.put(judge.template().name(), judge.template().sha256());
        }
        return m;
    }

    @Override
    public MethodRun start(RunContext ctx) {
        TaskPool pool = PoolBuilder.build(seeds, seedLicenses::sourceOf, ctx.restoredExamples(), ctx.novelty());
        // a resumed session tags its ids, so they never collide with those of earlier sessions
        String idPrefix = ctx.resumed()
                ? "si-" + Long.toString(ctx.clock().instant().getEpochSecond(), 36) + "-" : "si-";
        return new SelfInstructRun(ctx, pool, prompts, settings,
                SelfInstructFilters.of(filters, ctx.novelty(), pool, settings.instancesPerTask(), quality), idPrefix,
                judging(ctx), answering(ctx));
    }

    /**
     * The answer pass over its own teacher stack (priced by the answer model) or the run's, with its counters
     * restored from the run directory.
     */
    private SelfInstructRun.Answering answering(RunContext ctx) {
        if (answer == null) {
            return null;
        }
        AnswerTally tally = new AnswerTally(answer);
        tally.restore(ctx.restoredExamples(), ctx.resumed() ? ctx.journal().restoredRejections() : List.of());
        ctx.stats().addSection(AnswerSetup.STAGE, tally::snapshot);
        return new SelfInstructRun.Answering(answer,
                answer.ownStack() ? ctx.teacherFor(answer.teacher(), answer.cost()) : ctx.teacher(), tally);
    }

    /** The judge over its own teacher stack or the run's, with its counters restored from the run directory. */
    private SelfInstructRun.Judging judging(RunContext ctx) {
        if (judge == null) {
            return null;
        }
        QualityTally tally = new QualityTally();
        tally.restore(ctx.restoredExamples(), ctx.resumed() ? ctx.journal().restoredRejections() : List.of());
        ctx.stats().addSection("quality", tally::snapshot);
        return new SelfInstructRun.Judging(
                judge.judge(judge.ownStack() ? ctx.teacherFor(judge.teacher()) : ctx.teacher()), tally);
    }

    @Override
    public MethodCard card() {
        return answer == null ? SelfInstructCard.CARD : SelfInstructCard.withAnswerPass(answer);
    }

    @Override
    public List<SeedSource> seedSources() {
        return seedLicenses.sources();
    }

    @Override
    public Map<String, String> displaySettings(RunSpec spec) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("target", String.valueOf(spec.target()));
        m.put("instances per task", String.valueOf(settings.instancesPerTask()));
        m.put("ROUGE-L threshold", String.valueOf(rougeThreshold));
        m.put("tokenizer", tokenizer.cliName());
        m.put("in-context tasks", "8 (6 seeds, 2 generated)");
        m.put("random seed", String.valueOf(spec.randomSeed()));
        if (judge != null) {
            m.put("judge", judge.teacher().model() + " @ " + judge.teacher().host() + ", min score "
                    + judge.settings().minScore() + ", unreadable: " + judge.settings().onUnreadable().key());
        }
        if (answer != null) {
            m.put("answer pass", answer.describe());
        }
        if (quality.on()) {
            m.putAll(quality.display());
        }
        return m;
    }

    @Override
    public String doneSummary(RunOutcome outcome, RunSpec spec, long accepted) {
        return accepted + " examples";
    }

    @Override
    public DryRun dryRun(RunSpec spec, RunSession.Licensing licensing) {
        List<PoolEntry> shown = PoolBuilder.build(seeds, seedLicenses::sourceOf, List.of(),
                NoveltyIndex.create(tokenizer, rougeThreshold)).seeds();
        boolean priced = licensing.price().isKnown();
        CostModel cost = priced ? licensing.price()::cost : CostModel.FREE;
        DryRunEstimate estimate = DryRunEstimate.of(spec.target(), settings.instancesPerTask(),
                prompts.sizes(shown.subList(0, Math.min(8, shown.size())), seeds.get(0).instruction()), cost);
        String text = estimate.format(spec.teacher().model(), priced);
        if (answer == null) {
            return new DryRun(text, priced ? estimate.costUsd() : null);
        }
        AnswerEstimate extra = AnswerEstimate.of(spec.target(), answer, seeds);
        boolean bothPriced = priced && answer.price().isKnown();
        Double total = bothPriced ? estimate.costUsd() + extra.costUsd() : null;
        return new DryRun(text + extra.format() + (total == null ? "" : String.format(Locale.ROOT,
                "  total cost        $%.2f (teacher and answer model)%n", total)), total);
    }
}
