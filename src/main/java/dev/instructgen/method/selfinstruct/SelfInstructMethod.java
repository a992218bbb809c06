package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.CostModel;
import dev.instructgen.pipeline.FileDigest;
import dev.instructgen.pipeline.GenerationMethod;
import dev.instructgen.pipeline.MethodSettings;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.RunOutcome;
import dev.instructgen.pipeline.RunSession;
import dev.instructgen.pipeline.RunSpec;
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
 * @param quality   semantic dedup and decontamination ({@code --semantic-dedup}, {@code --decontaminate})
 */
public record SelfInstructMethod(Path seedsFile, List<SeedTask> seeds, SeedLicenses seedLicenses,
                                 SelfInstructSettings settings, InstructionFilterSettings filters,
                                 TokenizerKind tokenizer, double rougeThreshold, SelfInstructPrompts prompts,
                                 JudgeSetup judge, InlineQuality quality)
        implements GenerationMethod {

    public SelfInstructMethod(Path seedsFile, List<SeedTask> seeds, SeedLicenses seedLicenses,
                              SelfInstructSettings settings, InstructionFilterSettings filters,
                              TokenizerKind tokenizer, double rougeThreshold, SelfInstructPrompts prompts,
                              JudgeSetup judge) {
        this(seedsFile, seeds, seedLicenses, settings, filters, tokenizer, rougeThreshold, prompts, judge,
                InlineQuality.OFF);
    }

    public SelfInstructMethod(Path seedsFile, List<SeedTask> seeds, SeedLicenses seedLicenses,
                              SelfInstructSettings settings, InstructionFilterSettings filters,
                              TokenizerKind tokenizer, double rougeThreshold, SelfInstructPrompts prompts) {
        this(seedsFile, seeds, seedLicenses, settings, filters, tokenizer, rougeThreshold, prompts, null);
    }

    /** What defines a Self-Instruct run, in the manifest's order ({@code judge} only when one is asked). */
    record Settings(double rougeThreshold, TokenizerKind tokenizer, SelfInstructSettings method,
                    InstructionFilterSettings filters, String seedsLicense, String policyVersion, JudgeSetup judge,
                    InlineQuality quality)
            implements MethodSettings {
        @Override
        public Map<String, Object> manifest() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rouge_threshold", rougeThreshold);
            m.put("tokenizer", tokenizer.cliName());
            m.putAll(method.manifestSettings());
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("min_words", filters.minWords());
            f.put("max_words", filters.maxWords());
            f.put("blacklist", filters.blacklist());
            m.put("filters", f);
            m.put("seeds_license", seedsLicense);
            m.put("license_policy_version", policyVersion);
            if (judge != null) {
                m.put("judge", judge.manifest());
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

    private String seedsLicense() {
        return seedLicenses.sources().get(0).license();
    }

    @Override
    public void configure(RunSpec.Builder spec, RunSession.Licensing licensing) {
        spec.novelty(tokenizer, rougeThreshold)
                .settings(new Settings(rougeThreshold, tokenizer, settings, filters, seedsLicense(),
                        licensing.policyVersion(), judge, quality))
                .prompts(promptHashes())
                .seeds(new RunSpec.SeedRef(seedsFile.toString(), FileDigest.sha256(seedsFile), seedsLicense()))
                .licensePolicy(new RunSpec.LicensePolicy(licensing.policyVersion(), licensing.requireCommercial(),
                        "seeds", seedsLicense(), seedLicenses.origin().name().toLowerCase(Locale.ROOT)));
    }

    private Map<String, String> promptHashes() {
        if (judge == null) {
            return prompts.manifest();
        }
        Map<String, String> m = new LinkedHashMap<>(prompts.manifest());
        m.put(judge.template().name(), judge.template().sha256());
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
                judging(ctx));
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
        return SelfInstructCard.CARD;
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
        return new DryRun(estimate.format(spec.teacher().model(), priced), priced ? estimate.costUsd() : null);
    }
}
