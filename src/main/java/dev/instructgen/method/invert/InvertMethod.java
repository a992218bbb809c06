package dev.instructgen.method.invert;

import dev.instructgen.dataset.Dataset;
import dev.instructgen.dataset.MethodId;
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
import dev.instructgen.text.TokenizerKind;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Input inversion as a {@link GenerationMethod}: each example of a dataset or run with a non-empty output becomes
 * at most one inverse example (docs/invert.md).
 *
 * @param inputArgument the --input as given (a file or a run directory), for the card and the done line
 */
public record InvertMethod(Path inputArgument, Dataset dataset, SeedLicenses licenses, List<SourceExample> sources,
                           InvertSettings settings, InvertPrompts prompts) implements GenerationMethod {

    /** What defines an inversion run, in the manifest's order. */
    record Settings(String input, String inputFormat, InvertSettings method, String policyVersion)
            implements MethodSettings {
        @Override
        public Map<String, Object> manifest() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input", input);
            m.put("input_format", inputFormat);
            m.putAll(method.manifestSettings());
            m.put("license_policy_version", policyVersion);
            return m;
        }
    }

    @Override
    public MethodId id() {
        return MethodId.INVERT;
    }

    /** Every source inverted once. */
    @Override
    public Long defaultTarget() {
        return settings.target() != null ? (long) settings.target() : (long) sources.size();
    }

    private String license() {
        return licenses.sources().size() == 1 ? licenses.sources().get(0).license() : null;
    }

    @Override
    public void configure(RunSpec.Builder spec, RunSession.Licensing licensing) {
        Path file = dataset.file();
        spec.novelty(TokenizerKind.ROUGE_SCORE, settings.rougeThreshold())
                .settings(new Settings(file.toString(), dataset.format().toString(), settings,
                        licensing.policyVersion()))
                .prompts(Map.of(prompts.template().name(), prompts.template().sha256()))
                .seeds(new RunSpec.SeedRef(file.toString(), FileDigest.sha256(file), license()))
                .licensePolicy(new RunSpec.LicensePolicy(licensing.policyVersion(), licensing.requireCommercial(),
                        "input", license(), licenses.origin().name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public MethodRun start(RunContext ctx) {
        return InvertRun.start(ctx, sources, settings, prompts);
    }

    @Override
    public MethodCard card() {
        return InvertCard.CARD;
    }

    /** An earlier run's examples name their original seed sets in their license blocks; else the input set. */
    @Override
    public List<SeedSource> seedSources() {
        Set<SeedSource> original = new LinkedHashSet<>();
        for (SourceExample s : sources) {
            if (s.inherited() != null) {
                s.inherited().sources().stream().filter(src -> "seed".equals(src.kind()))
                        .forEach(src -> original.add(new SeedSource(src.name(), src.license())));
            }
        }
        return original.isEmpty() ? licenses.sources() : List.copyOf(original);
    }

    @Override
    public Map<String, String> displaySettings(RunSpec spec) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("input", String.valueOf(inputArgument));
        m.put("source examples", String.valueOf(sources.size()));
        m.put("ROUGE-L threshold", String.valueOf(settings.rougeThreshold()));
        m.put("sampling", settings.describe());
        return m;
    }

    @Override
    public String doneSummary(RunOutcome outcome, RunSpec spec, long accepted) {
        return "inverted " + accepted + " of " + sources.size() + " examples of " + inputArgument;
    }

    @Override
    public DryRun dryRun(RunSpec spec, RunSession.Licensing licensing) {
        boolean priced = licensing.price().isKnown();
        InvertDryRun estimate = InvertDryRun.of(sources, spec.target(), prompts,
                priced ? licensing.price()::cost : CostModel.FREE);
        return new DryRun(estimate.format(spec.teacher().model(), priced), priced ? estimate.costUsd() : null);
    }
}
