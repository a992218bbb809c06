package dev.instructgen.method.evol;

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
import dev.instructgen.pipeline.StopReason;
import dev.instructgen.prompt.PromptTemplate;
import dev.instructgen.report.MethodCard;
import dev.instructgen.text.TokenizerKind;

import dev.instructgen.filter.quality.InlineQuality;
import dev.instructgen.filter.quality.JudgeSetup;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Evol-Instruct (Xu et al. 2023, WizardLM) as a {@link GenerationMethod}: evolves every input for
 * {@code rounds} rounds through the stages of {@link EvolSource}; see docs/evol-instruct.md.
 *
 * @param inputArgument the --input as given (a file or a run directory), for the card and the done line
 * @param judge         the LLM judge ({@code --judge}), or null
 * @param quality       semantic dedup and decontamination ({@code --semantic-dedup}, {@code --decontaminate})
 */
public record EvolInstructMethod(Path inputArgument, Dataset dataset, SeedLicenses licenses, List<EvolInput> inputs,
                                 EvolSettings settings, LibraryEvolPrompts prompts, JudgeSetup judge,
                                 InlineQuality quality)
        implements GenerationMethod {

    public EvolInstructMethod(Path inputArgument, Dataset dataset, SeedLicenses licenses, List<EvolInput> inputs,
                              EvolSettings settings, LibraryEvolPrompts prompts, JudgeSetup judge) {
        this(inputArgument, dataset, licenses, inputs, settings, prompts, judge, InlineQuality.OFF);
    }

    public EvolInstructMethod(Path inputArgument, Dataset dataset, SeedLicenses licenses, List<EvolInput> inputs,
                              EvolSettings settings, LibraryEvolPrompts prompts) {
        this(inputArgument, dataset, licenses, inputs, settings, prompts, null);
    }

    /** What defines an Evol-Instruct run, in the manifest's order ({@code judge} only when one is asked). */
    record Settings(String input, String inputFormat, EvolSettings method, String policyVersion, JudgeSetup judge,
                    InlineQuality quality)
            implements MethodSettings {
        @Override
        public Map<String, Object> manifest() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input", input);
            m.put("input_format", inputFormat);
            m.putAll(method.manifestSettings());
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
        return MethodId.EVOL_INSTRUCT;
    }

    /** Every evolution, plus the originals when they are kept. */
    @Override
    public Long defaultTarget() {
        return settings.target() != null ? (long) settings.target()
                : (long) inputs.size() * settings.rounds() + (settings.keepOriginals() ? inputs.size() : 0);
    }

    private String license() {
        return licenses.sources().size() == 1 ? licenses.sources().get(0).license() : null;
    }

    @Override
    public void configure(RunSpec.Builder spec, RunSession.Licensing licensing) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (PromptTemplate t : prompts.templatesFor(settings)) {
            hashes.put(t.name(), t.sha256());
        }
        if (judge != null) {
            hashes.put(judge.template().name(), judge.template().sha256());
        }
        Path file = dataset.file();
        spec.novelty(TokenizerKind.ROUGE_SCORE, settings.rougeThreshold() == null ? 1.0 : settings.rougeThreshold())
                .settings(new Settings(file.toString(), dataset.format().toString(), settings,
                        licensing.policyVersion(), judge, quality))
                .prompts(hashes)
                .seeds(new RunSpec.SeedRef(file.toString(), FileDigest.sha256(file), license()))
                .licensePolicy(new RunSpec.LicensePolicy(licensing.policyVersion(), licensing.requireCommercial(),
                        "input", license(), licenses.origin().name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public MethodRun start(RunContext ctx) {
        return new EvolRun(ctx, settings, prompts, EvolRun.CHECKPOINT_EVERY, judge, quality).start(inputs);
    }

    @Override
    public MethodCard card() {
        return EvolCard.CARD;
    }

    /**
     * The seed sets the inputs grew from: an earlier run's examples name their original seed files in their
     * license blocks, and those are the seeds (not the run's examples.jsonl); else the input set itself.
     */
    @Override
    public List<SeedSource> seedSources() {
        Set<SeedSource> original = new LinkedHashSet<>();
        for (EvolInput in : inputs) {
            if (in.inherited() != null) {
                in.inherited().sources().stream().filter(s -> "seed".equals(s.kind()))
                        .forEach(s -> original.add(new SeedSource(s.name(), s.license())));
            }
        }
        return original.isEmpty() ? licenses.sources() : List.copyOf(original);
    }

    @Override
    public Map<String, String> displaySettings(RunSpec spec) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("input", String.valueOf(inputArgument));
        m.putAll(settings.displaySettings());
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
        int rounds = settings.rounds();
        return "evolved " + inputArgument + " for " + rounds + (rounds == 1 ? " round" : " rounds")
                + (outcome.reason() == StopReason.TARGET_REACHED && settings.target() != null
                ? " (stopped at --target " + settings.target() + ")" : "");
    }

    @Override
    public DryRun dryRun(RunSpec spec, RunSession.Licensing licensing) {
        boolean priced = licensing.price().isKnown();
        EvolDryRun estimate = EvolDryRun.of(inputs, settings, prompts,
                priced ? licensing.price()::cost : CostModel.FREE);
        return new DryRun(estimate.format(spec.teacher().model(), priced), priced ? estimate.costUsd() : null);
    }
}
