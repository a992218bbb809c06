package dev.instructgen.method.unnatural;

import dev.instructgen.dataset.Example;
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
import dev.instructgen.text.TokenizerKind;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unnatural Instructions (Honovich et al. 2023) as a {@link GenerationMethod}: core generation, output generation
 * and paraphrasing (see {@link UnnaturalRun}).
 *
 * @param seedsFile the seed file as given on the command line
 */
public record UnnaturalMethod(Path seedsFile, List<SeedTask> seeds, SeedLicenses seedLicenses, UnnaturalSettings settings,
                           InstructionFilterSettings filters, TokenizerKind tokenizer, double rougeThreshold,
                           UnnaturalPrompts prompts) implements GenerationMethod {

    /** What defines an Unnatural Instructions run, in the manifest's order. */
    record Settings(double rougeThreshold, TokenizerKind tokenizer, UnnaturalSettings method,
                    InstructionFilterSettings filters, String seedsLicense, String policyVersion)
            implements MethodSettings {
        @Override
        public Map<String, Object> manifest() {
            return SeedSetRun.manifest(rougeThreshold, tokenizer, method.manifest(), filters, seedsLicense,
                    policyVersion);
        }
    }

    @Override
    public MethodId id() {
        return MethodId.UNNATURAL;
    }

    @Override
    public void configure(RunSpec.Builder spec, RunSession.Licensing licensing) {
        SeedSetRun seedSet = new SeedSetRun(seedsFile, seedLicenses, tokenizer, rougeThreshold);
        seedSet.configure(spec, licensing, new Settings(rougeThreshold, tokenizer, settings, filters,
                seedSet.seedsLicense(), licensing.policyVersion()), prompts.manifest());
    }

    @Override
    public MethodRun start(RunContext ctx) {
        // novelty is over core instructions only: the seeds and, on resume, each task's core example (whose id is
        // its task id); paraphrases never join the pool
        seeds.forEach(s -> ctx.novelty().add(s.id(), s.instruction()));
        for (Example e : ctx.restoredExamples()) {
            if (e.id().equals(e.taskId())) {
                ctx.novelty().add(e.id(), e.instruction());
            }
        }
        return new UnnaturalRun(ctx, seeds, seedLicenses::sourceOf, prompts, settings,
                UnnaturalFilters.of(filters, ctx.novelty()));
    }

    @Override
    public MethodCard card() {
        return UnnaturalCard.CARD;
    }

    @Override
    public List<SeedSource> seedSources() {
        return seedLicenses.sources();
    }

    @Override
    public Map<String, String> displaySettings(RunSpec spec) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("target", String.valueOf(spec.target()));
        m.put("paraphrases per core example", String.valueOf(settings.paraphrases()));
        m.put("in-context examples", settings.demos() + " (seeds only)");
        m.put("ROUGE-L threshold", String.valueOf(rougeThreshold));
        m.put("tokenizer", tokenizer.cliName());
        m.put("random seed", String.valueOf(spec.randomSeed()));
        return m;
    }

    @Override
    public String doneSummary(RunOutcome outcome, RunSpec spec, long accepted) {
        return accepted + " examples (core examples and their paraphrases)";
    }

    @Override
    public DryRun dryRun(RunSpec spec, RunSession.Licensing licensing) {
        boolean priced = licensing.price().isKnown();
        CostModel cost = priced ? licensing.price()::cost : CostModel.FREE;
        UnnaturalDryRun estimate = UnnaturalDryRun.of(spec.target(), settings.paraphrases(),
                prompts.sizes(seeds.subList(0, Math.min(settings.demos(), seeds.size()))), cost);
        return new DryRun(estimate.format(spec.teacher().model(), priced, settings.paraphrases()),
                priced ? estimate.costUsd() : null);
    }
}
