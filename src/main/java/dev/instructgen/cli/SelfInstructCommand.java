package dev.instructgen.cli;

import dev.instructgen.error.BadInputException;
import dev.instructgen.config.FilterSection;
import dev.instructgen.config.SamplingSection;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.filter.InstanceScreen;
import dev.instructgen.filter.InstructionFilter;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.report.DatasetCard;
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
import dev.instructgen.method.selfinstruct.DryRunEstimate;
import dev.instructgen.method.selfinstruct.PoolBuilder;
import dev.instructgen.method.selfinstruct.PoolEntry;
import dev.instructgen.method.selfinstruct.SelfInstructPrompts;
import dev.instructgen.method.selfinstruct.SelfInstructRun;
import dev.instructgen.method.selfinstruct.SelfInstructSettings;
import dev.instructgen.method.selfinstruct.TaskPool;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.pricing.Price;
import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.TokenizerKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code self-instruct}: grow a dataset from seed tasks with Self-Instruct (Wang et al. 2023). */
@Command(name = "self-instruct", mixinStandardHelpOptions = true,
        description = "Grow a dataset from seed tasks with Self-Instruct (Wang et al. 2023): instruction "
                + "generation, classification identification, instance generation, heuristic and ROUGE-L filters.",
        footer = {"", "Example:",
                "  instructgen self-instruct --seeds seeds/seed_tasks.jsonl \\",
                "      --teacher-api ollama --teacher-url http://localhost:11434 \\",
                "      --model llama3.1:8b --target 500 --out runs/first"})
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

    /** Time of the run; tests may replace it. */
    Clock clock = Clock.systemUTC();

    /** Examples in examples.jsonl when the run stopped (more than --target after a resume with a smaller one). */
    private long acceptedAtEnd;

    /** Everything read and checked before the run starts (and before any request). */
    private record Prepared(SelfInstructSettings settings, InstructionFilterSettings filters,
                            TokenizerKind tokenizer, TeacherIdentity identity, List<SeedTask> seedTasks,
                            SeedLicenses seedLicenses, TeacherTermsPolicy policy, TeacherTerms terms,
                            SelfInstructPrompts prompts, Price price) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Prepared p = prepare(err);
        if (gen.dryRun) {
            return dryRun(p, out);
        }
        return report(execute(p, err), out, err);
    }

    /** Reads options, config sections, seeds, licenses, terms, prompts and price; refuses bad input early. */
    private Prepared prepare(PrintWriter err) {
        if (gen.target == null) {
            throw new BadInputException("--target is required: the number of accepted examples wanted");
        }
        if (!(rougeThreshold > 0 && rougeThreshold <= 1)) {
            throw new BadInputException("--rouge-threshold must be within (0, 1], was " + rougeThreshold);
        }
        var configFile = config.file();
        String where = String.valueOf(configFile.path());
        SelfInstructSettings defaults = SelfInstructSettings.defaults(instancesPerTask);
        SelfInstructSettings settings = defaults.withSampling(SamplingSection.apply(defaults.samplingByStage(),
                configFile.section("sampling").orElse(null), where));
        InstructionFilterSettings filters = FilterSection.apply(InstructionFilterSettings.defaults(),
                configFile.section("filters").orElse(null), where);
        var teacherSettings = gen.teacherSettings();
        TeacherIdentity identity = teacherSettings.identity();

        List<SeedTask> seedTasks = DatasetReader.read(seeds).tasks();
        if (seedTasks.isEmpty()) {
            throw new BadInputException(seeds + ": no seed tasks found (expected at least one task)");
        }
        SeedLicenses seedLicenses = new SeedLicenseResolver().resolve(seeds, seedsLicense, seedTasks);
        var teacher = TeacherTermsAndPrice.settle(identity, seedLicenses.sources(), gen, configFile, err);
        SelfInstructPrompts prompts = new SelfInstructPrompts(PromptLibrary.withOverrides(gen.promptsDir));
        prompts.validate();
        return new Prepared(settings, filters, tokenizerKind(), identity, seedTasks, seedLicenses, teacher.policy(),
                teacher.terms(), prompts, teacher.price());
    }

    private int dryRun(Prepared p, PrintWriter out) {
        List<PoolEntry> shown = PoolBuilder.build(p.seedTasks(), p.seedLicenses()::sourceOf, List.of(),
                NoveltyIndex.create(p.tokenizer(), rougeThreshold)).seeds();
        CostModel cost = p.price().isKnown() ? p.price()::cost : CostModel.FREE;
        DryRunEstimate estimate = DryRunEstimate.of(gen.target, instancesPerTask,
                p.prompts().sizes(shown.subList(0, Math.min(8, shown.size())), p.seedTasks().get(0).instruction()),
                cost);
        out.print(estimate.format(p.identity().model(), p.price().isKnown()));
        out.flush();
        return ExitCode.OK;
    }

    /** Assembles the run, runs it to a stop and writes the dataset card. */
    private RunOutcome execute(Prepared p, PrintWriter err) {
        var teacherSettings = gen.teacherSettings();
        RunSpec runSpec = new RunSpec(COMMAND, gen.out, teacherSettings, gen.target,
                new Budget(gen.maxCost, gen.maxTokens), gen.randomSeed, p.tokenizer(), rougeThreshold,
                manifestSettings(p), p.prompts().manifest(),
                new RunSpec.SeedRef(seeds.toString(), FileDigest.sha256(seeds), seedLicense(p)),
                licensePolicy(p), RunOutcomeReport.graceFor(teacherSettings.timeout()));
        RunAssembly.Parts parts = RunAssembly.productionParts(System::getenv, clock, VersionProvider.version(),
                p.price(), p.terms(), message -> {
                    err.println("warning: " + message);
                    err.flush();
                });
        try (RunContext ctx = RunAssembly.assemble(runSpec, parts)) {
            TaskPool pool = PoolBuilder.build(p.seedTasks(), p.seedLicenses()::sourceOf, ctx.restoredExamples(),
                    ctx.novelty());
            if (ctx.resumed()) {
                err.println("resuming run " + ctx.runId() + ": " + ctx.restoredExamples().size() + " of "
                        + gen.target + " examples already accepted");
            }
            InstructionFilter heuristics = InstructionFilter.heuristics(p.filters());
            InstanceScreen instanceScreen = new InstanceScreen(instancesPerTask);
            // a resumed session tags its ids, so they never collide with those of earlier sessions
            String idPrefix = ctx.resumed() ? "si-" + Long.toString(clock.instant().getEpochSecond(), 36) + "-"
                    : "si-";
            ProgressReporter progress = ProgressReporter.forEnvironment(System.console() != null, err,
                    gen.progressInterval(), clock);
            RunOutcome outcome = new RunLoop(ctx, progress, true).run(scheduler -> new SelfInstructRun(ctx,
                    scheduler, pool, p.prompts(), p.settings(), heuristics, instanceScreen, idPrefix));
            acceptedAtEnd = ctx.stats().snapshot(outcome).accepted();
            ctx.journal().writeText("DATASET_CARD.md", new DatasetCard().render(DatasetCardFacts.of(ctx, outcome,
                    Example.SELF_INSTRUCT, p.terms(), p.policy().version(), p.seedLicenses().sources(),
                    displaySettings(), p.price())));
            ctx.journal().flush();
            return outcome;
        }
    }

    private int report(RunOutcome outcome, PrintWriter out, PrintWriter err) {
        return RunOutcomeReport.report(outcome,
                "done: " + acceptedAtEnd + " examples in " + gen.out.resolve("examples.jsonl"), out, err);
    }

    private TokenizerKind tokenizerKind() {
        try {
            return TokenizerKind.fromCliName(tokenizer);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--tokenizer: " + e.getMessage());
        }
    }

    private static String seedLicense(Prepared p) {
        return p.seedLicenses().sources().get(0).license();
    }

    /**
     * What defines the run: compared on resume, so a changed setting is refused rather than mixed in. The seed
     * file's and templates' hashes are compared through their own manifest fields, so they are not repeated here.
     */
    private Map<String, Object> manifestSettings(Prepared p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rouge_threshold", rougeThreshold);
        m.put("tokenizer", p.tokenizer().cliName());
        m.putAll(p.settings().manifestSettings());
        Map<String, Object> filterSettings = new LinkedHashMap<>();
        filterSettings.put("min_words", p.filters().minWords());
        filterSettings.put("max_words", p.filters().maxWords());
        filterSettings.put("blacklist", p.filters().blacklist());
        m.put("filters", filterSettings);
        m.put("seeds_license", seedLicense(p));
        m.put("license_policy_version", p.policy().version());
        return m;
    }

    private Map<String, Object> licensePolicy(Prepared p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", p.policy().version());
        m.put("require_commercial", gen.requireCommercial);
        m.put("seeds_license", seedLicense(p));
        m.put("seeds_license_origin", p.seedLicenses().origin().name().toLowerCase(java.util.Locale.ROOT));
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

}
