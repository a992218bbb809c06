package dev.instructgen.cli;

import dev.instructgen.config.BadInputException;
import dev.instructgen.config.FilterSection;
import dev.instructgen.config.SamplingSection;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.filter.InstanceScreen;
import dev.instructgen.filter.InstructionFilter;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.licensing.DatasetCard;
import dev.instructgen.licensing.CommercialUseGate;
import dev.instructgen.licensing.SeedLicenseResolver;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.licensing.TeacherTermsPolicy;
import dev.instructgen.pipeline.Budget;
import dev.instructgen.pipeline.CostModel;
import dev.instructgen.pipeline.FileDigest;
import dev.instructgen.pipeline.ProgressReporter;
import dev.instructgen.pipeline.RunAssembly;
import dev.instructgen.pipeline.DatasetCardFacts;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.RunLoop;
import dev.instructgen.pipeline.RunOutcome;
import dev.instructgen.pipeline.RunSpec;
import dev.instructgen.pipeline.StopReason;
import dev.instructgen.pipeline.selfinstruct.DryRunEstimate;
import dev.instructgen.pipeline.selfinstruct.PoolBuilder;
import dev.instructgen.pipeline.selfinstruct.SelfInstructPrompts;
import dev.instructgen.pipeline.selfinstruct.SelfInstructRun;
import dev.instructgen.pipeline.selfinstruct.SelfInstructSettings;
import dev.instructgen.pipeline.selfinstruct.TaskPool;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.pricing.Price;
import dev.instructgen.teacher.pricing.PriceTable;
import dev.instructgen.teacher.TeacherUnavailableException;
import dev.instructgen.text.TokenizerKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code self-instruct}: grow a dataset from seed tasks with Self-Instruct (Wang et al. 2023). */
@Command(name = "self-instruct", mixinStandardHelpOptions = true,
        description = "Grow a dataset from seed tasks with Self-Instruct (Wang et al. 2023): instruction "
                + "generation, classification identification, instance generation, heuristic and ROUGE-L filters.")
public final class SelfInstructCommand implements Callable<Integer> {

    static final String COMMAND = "self-instruct";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    GenerationOptions gen;

    @Option(names = "--seeds", required = true, paramLabel = "FILE",
            description = "Seed tasks: Self-Instruct seed_tasks.jsonl, Alpaca JSON/JSONL or Dolly JSONL.")
    Path seeds;

    @Option(names = "--seeds-license", paramLabel = "SPDX",
            description = "License of the seed set (else a FILE.license sidecar, else per-record license fields).")
    String seedsLicense;

    @Option(names = "--rouge-threshold", paramLabel = "F1", defaultValue = "0.7",
            description = "Reject an instruction whose ROUGE-L F1 against any pool member exceeds this. "
                    + "Default: ${DEFAULT-VALUE}")
    double rougeThreshold;

    @Option(names = "--instances-per-task", paramLabel = "N", defaultValue = "1",
            description = "Instances kept per instruction, 1 to 5. Default: ${DEFAULT-VALUE}")
    int instancesPerTask;

    @Option(names = "--tokenizer", paramLabel = "unicode|rouge-score", defaultValue = "unicode",
            description = "Tokenizer of the ROUGE-L check. Default: ${DEFAULT-VALUE}")
    String tokenizer;

    @Option(names = "--progress-interval", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Interval of the progress line when not on a terminal. Default: ${DEFAULT-VALUE}")
    Duration progressInterval;

    /** Time of the run; tests may replace it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (gen.target == null) {
            throw new BadInputException("--target is required: the number of accepted examples wanted");
        }
        if (!(rougeThreshold > 0 && rougeThreshold <= 1)) {
            throw new BadInputException("--rouge-threshold must be within (0, 1], was " + rougeThreshold);
        }
        TokenizerKind tokenizerKind = tokenizerKind();
        var configFile = config.file();
        String where = String.valueOf(configFile.path());
        SelfInstructSettings defaults = SelfInstructSettings.defaults(instancesPerTask);
        SelfInstructSettings settings = defaults.withSampling(SamplingSection.apply(defaults.samplingByStage(),
                configFile.section("sampling").orElse(null), where));
        InstructionFilterSettings filters = FilterSection.apply(InstructionFilterSettings.defaults(),
                configFile.section("filters").orElse(null), where);
        var teacherSettings = gen.teacherSettings();
        TeacherIdentity identity = new TeacherIdentity(teacherSettings.api(), teacherSettings.model(),
                teacherSettings.host());

        List<SeedTask> seedTasks = DatasetReader.read(seeds).tasks();
        if (seedTasks.isEmpty()) {
            throw new BadInputException(seeds + ": no seed tasks found (expected at least one task)");
        }
        SeedLicenses seedLicenses = new SeedLicenseResolver().resolve(seeds, seedsLicense, seedTasks);
        TeacherTermsPolicy policy = TeacherTermsPolicy.loadDefault();
        TeacherTerms terms = policy.termsFor(identity);
        if (gen.requireCommercial) {
            new CommercialUseGate().check(seedLicenses.sources(), terms); // before any request
        }
        if (terms.isUnknown()) {
            err.println("warning: the terms of teacher '" + identity.model() + "' are unknown: examples get "
                    + "commercial_use null (add an entry under licensing.teacher_terms in the config)");
        }
        PromptLibrary library = PromptLibrary.withOverrides(gen.promptsDir);
        SelfInstructPrompts prompts = new SelfInstructPrompts(library);
        prompts.validate();
        Price price = priceTable().priceFor(identity);
        if (gen.maxCost != null && !price.isKnown()) {
            throw new BadInputException("--max-cost needs a price for model '" + identity.model() + "', which the "
                    + "price table does not list; add it under 'prices' in the --config file");
        }
        CostModel cost = price.isKnown() ? price::cost : CostModel.FREE;

        if (gen.dryRun) {
            TaskPool preview = PoolBuilder.build(seedTasks, seedLicenses::sourceOf, List.of(),
                    dev.instructgen.text.NoveltyIndex.create(tokenizerKind, rougeThreshold));
            var shown = preview.seeds().subList(0, Math.min(8, preview.seeds().size()));
            DryRunEstimate estimate = DryRunEstimate.of(gen.target, instancesPerTask,
                    prompts.sizes(shown, seedTasks.get(0).instruction()), cost);
            out.print(estimate.format(identity.model(), price.isKnown()));
            out.flush();
            return ExitCode.OK;
        }

        RunSpec runSpec = new RunSpec(COMMAND, gen.out, teacherSettings, gen.target,
                new Budget(gen.maxCost, gen.maxTokens), gen.randomSeed, tokenizerKind, rougeThreshold,
                manifestSettings(settings, filters, tokenizerKind, prompts, identity, policy, seedLicenses),
                prompts.manifest(), new RunSpec.SeedRef(seeds.toString(), FileDigest.sha256(seeds),
                seedLicenses.sources().get(0).license()),
                licensePolicy(policy, seedLicenses), graceFor(teacherSettings.timeout()));
        RunAssembly.Parts parts = RunAssembly.productionParts(System::getenv, clock, VersionProvider.version(),
                price, terms, message -> {
                    err.println("warning: " + message);
                    err.flush();
                });

        RunOutcome outcome;
        try (RunContext ctx = RunAssembly.assemble(runSpec, parts)) {
            TaskPool pool = PoolBuilder.build(seedTasks, seedLicenses::sourceOf, ctx.restoredExamples(),
                    ctx.novelty());
            if (ctx.resumed()) {
                err.println("resuming run " + ctx.runId() + ": " + ctx.restoredExamples().size() + " of "
                        + gen.target + " examples already accepted");
            }
            InstructionFilter heuristics = InstructionFilter.heuristics(filters);
            InstanceScreen instanceScreen = new InstanceScreen(instancesPerTask);
            String idPrefix = ctx.resumed()
                    ? "si-" + Long.toString(clock.instant().getEpochSecond(), 36) + "-"
                    : "si-";
            ProgressReporter progress = ProgressReporter.forEnvironment(System.console() != null, err,
                    progressInterval, clock);
            outcome = new RunLoop(ctx, progress, true).run(scheduler -> new SelfInstructRun(ctx, scheduler, pool,
                    prompts, settings, heuristics, instanceScreen, idPrefix));
            ctx.journal().writeText("DATASET_CARD.md", new DatasetCard().render(DatasetCardFacts.of(ctx, outcome,
                    Example.SELF_INSTRUCT, terms, policy.version(), seedLicenses.sources(), displaySettings(),
                    price)));
            ctx.journal().flush();
        }
        return report(outcome, out, err);
    }

    private int report(RunOutcome outcome, PrintWriter out, PrintWriter err) {
        switch (outcome.reason()) {
            case TEACHER_FATAL -> {
                if (outcome.failure() instanceof FatalTeacherException fatal) {
                    throw fatal;
                }
            }
            case TEACHER_UNAVAILABLE -> {
                if (outcome.failure() instanceof TeacherUnavailableException unavailable) {
                    throw unavailable;
                }
            }
            case ERROR -> {
                if (outcome.failure() instanceof RuntimeException e) {
                    throw e;
                }
            }
            default -> {
            }
        }
        if (outcome.reason() == StopReason.TARGET_REACHED) {
            out.println("done: " + gen.target + " examples in " + gen.out.resolve("examples.jsonl"));
        } else if (outcome.reason().resumable()) {
            err.println("stopped: " + (outcome.detail().isEmpty() ? outcome.reason().key() : outcome.detail())
                    + " (run the same command again to resume)");
        } else {
            err.println((outcome.reason().exitCode() == 0 ? "done: " : "error: ") + outcome.detail());
        }
        out.flush();
        err.flush();
        return outcome.exitCode();
    }

    private TokenizerKind tokenizerKind() {
        try {
            return TokenizerKind.fromCliName(tokenizer);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--tokenizer: " + e.getMessage());
        }
    }

    /** Interrupted or out of budget, in-flight requests (already paid for) may finish within this. */
    private static Duration graceFor(Duration timeout) {
        return timeout.compareTo(Duration.ofSeconds(60)) < 0 ? timeout : Duration.ofSeconds(60);
    }

    private Map<String, Object> manifestSettings(SelfInstructSettings settings, InstructionFilterSettings filters,
                                                 TokenizerKind tokenizerKind,
                                                 SelfInstructPrompts prompts, TeacherIdentity identity,
                                                 TeacherTermsPolicy policy, SeedLicenses seedLicenses) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rouge_threshold", rougeThreshold);
        m.put("tokenizer", tokenizerKind.cliName());
        m.putAll(settings.manifestSettings());
        Map<String, Object> filterSettings = new LinkedHashMap<>();
        filterSettings.put("min_words", filters.minWords());
        filterSettings.put("max_words", filters.maxWords());
        filterSettings.put("blacklist", filters.blacklist());
        m.put("filters", filterSettings);
        m.put("seeds_sha256", FileDigest.sha256(seeds));
        m.put("seeds_license", seedLicenses.sources().get(0).license());
        m.put("prompts", prompts.manifest());
        Map<String, Object> teacher = new LinkedHashMap<>();
        teacher.put("api", identity.api().wireName());
        teacher.put("model", identity.model());
        teacher.put("host", identity.host());
        m.put("teacher", teacher);
        m.put("license_policy_version", policy.version());
        return m;
    }

    private Map<String, Object> licensePolicy(TeacherTermsPolicy policy, SeedLicenses seedLicenses) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", policy.version());
        m.put("require_commercial", gen.requireCommercial);
        m.put("seeds_license", seedLicenses.sources().get(0).license());
        m.put("seeds_license_origin", seedLicenses.origin().name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }

    private Map<String, String> displaySettings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("target", String.valueOf(gen.target));
        m.put("instances per task", String.valueOf(instancesPerTask));
        m.put("ROUGE-L threshold", String.valueOf(rougeThreshold));
        m.put("tokenizer", tokenizer);
        m.put("in-context tasks", "8 (6 seeds, 2 generated)");
        m.put("random seed", String.valueOf(gen.randomSeed));
        return m;
    }

    private PriceTable priceTable() {
        PriceTable table = PriceTable.loadDefault();
        var file = config.file();
        return file.section("prices").map(p -> table.withOverrides(p, file.path() + ": prices")).orElse(table);
    }
}
