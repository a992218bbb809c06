package dev.instructgen.method.alpaca;

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
 * Alpaca one-pass batched generation (Taori et al. 2023) as a {@link GenerationMethod}: one stage that asks for
 * whole triples in batches (see {@link AlpacaRun}).
 *
 * @param seedsFile the seed file as given on the command line
 */
public record AlpacaMethod(Path seedsFile, List<SeedTask> seeds, SeedLicenses seedLicenses, AlpacaSettings settings,
                           InstructionFilterSettings filters, TokenizerKind tokenizer, double rougeThreshold,
                           AlpacaPrompts prompts) implements GenerationMethod {

    /** What defines an Alpaca run, in the manifest's order. */
    record Settings(double rougeThreshold, TokenizerKind tokenizer, AlpacaSettings method,
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
        return MethodId.ALPACA;
    }

    @Override
    public void configure(RunSpec.Builder spec, RunSession.Licensing licensing) {
        SeedSetRun seedSet = new SeedSetRun(seedsFile, seedLicenses, tokenizer, rougeThreshold);
        seedSet.configure(spec, licensing, new Settings(rougeThreshold, tokenizer, settings, filters,
                seedSet.seedsLicense(), licensing.policyVersion()), prompts.manifest());
    }

    @Override
    public MethodRun start(RunContext ctx) {
        // the novelty pool is the whole pool, as in the reference: every seed and every accepted instruction
        seeds.forEach(s -> ctx.novelty().add(s.id(), s.instruction()));
        for (Example e : ctx.restoredExamples()) {
            ctx.novelty().add(e.id(), e.instruction());
        }
        return new AlpacaRun(ctx, seeds, seedLicenses::sourceOf, prompts, settings,
                AlpacaFilters.of(filters, ctx.novelty()));
    }

    @Override
    public MethodCard card() {
        return AlpacaCard.CARD;
    }

    @Override
    public List<SeedSource> seedSources() {
        return seedLicenses.sources();
    }

    @Override
    public Map<String, String> displaySettings(RunSpec spec) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("target", String.valueOf(spec.target()));
        m.put("tasks per request", String.valueOf(settings.tasksPerRequest()));
        m.put("in-context tasks", settings.demos() + " (seeds only)");
        m.put("ROUGE-L threshold", String.valueOf(rougeThreshold));
        m.put("tokenizer", tokenizer.cliName());
        m.put("random seed", String.valueOf(spec.randomSeed()));
        return m;
    }

    @Override
    public String doneSummary(RunOutcome outcome, RunSpec spec, long accepted) {
        return accepted + " examples";
    }

    @Override
    public DryRun dryRun(RunSpec spec, RunSession.Licensing licensing) {
        boolean priced = licensing.price().isKnown();
        CostModel cost = priced ? licensing.price()::cost : CostModel.FREE;
        int promptChars = prompts.generation(seeds.subList(0, Math.min(settings.demos(), seeds.size())),
                settings.tasksPerRequest()).length();
        AlpacaDryRun estimate = AlpacaDryRun.of(spec.target(), settings.tasksPerRequest(), promptChars, cost);
        return new DryRun(estimate.format(spec.teacher().model(), priced), priced ? estimate.costUsd() : null);
    }
}
