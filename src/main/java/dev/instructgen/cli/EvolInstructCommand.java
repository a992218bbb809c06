package dev.instructgen.cli;

import dev.instructgen.error.BadInputException;
import dev.instructgen.config.SamplingSection;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.dataset.Dataset;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.Example;
import dev.instructgen.report.DatasetCard;
import dev.instructgen.licensing.SeedLicenseResolver;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.licensing.TeacherTermsPolicy;
import dev.instructgen.pipeline.Budget;
import dev.instructgen.pipeline.CostModel;
import dev.instructgen.pipeline.DatasetCardFacts;
import dev.instructgen.pipeline.FileDigest;
import dev.instructgen.pipeline.ProgressReporter;
import dev.instructgen.pipeline.RunAssembly;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.RunOutcome;
import dev.instructgen.pipeline.RunSpec;
import dev.instructgen.pipeline.StopReason;
import dev.instructgen.method.evol.EvolDryRun;
import dev.instructgen.method.evol.EvolInput;
import dev.instructgen.method.evol.EvolRun;
import dev.instructgen.method.evol.EvolSettings;
import dev.instructgen.method.evol.LibraryEvolPrompts;
import dev.instructgen.method.evol.OperationWeights;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.storage.RunLog;
import dev.instructgen.prompt.PromptTemplate;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.pricing.Price;
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
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code instructgen evol-instruct}: Evol-Instruct (Xu et al. 2023) over an instruction set; docs/evol-instruct.md. */
@Command(name = "evol-instruct", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evolve an instruction set for N rounds with Evol-Instruct (Xu et al. 2023, WizardLM): "
                + "in-depth operations (add constraints, deepen, concretize, increase reasoning steps, complicate "
                + "input) and in-breadth mutation, elimination of failed evolutions, answers by the teacher.",
                "Every evolved example records its parent, round and operation; failed evolutions go to "
                        + "rejected.jsonl with the rule that eliminated them."},
        footer = {"", "Example:",
                "  instructgen evol-instruct --input seeds/seed_tasks.jsonl --rounds 4 \\",
                "      --teacher-api ollama --teacher-url http://localhost:11434 \\",
                "      --model llama3.1:8b --out runs/evolved"})
public final class EvolInstructCommand implements Callable<Integer> {

    static final String COMMAND = "evol-instruct";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    GenerationOptions options;

    @Option(names = "--input", required = true, paramLabel = "FILE|DIR",
            description = "Instructions to evolve: a Self-Instruct seed file, an Alpaca JSON/JSONL or Dolly JSONL "
                    + "dataset, or a run directory (its examples.jsonl).")
    Path input;

    @Option(names = "--input-license", paramLabel = "SPDX",
            description = "License of the input set (else a FILE.license sidecar, else per-record license "
                    + "fields, else unknown). It flows into every evolved example.")
    String inputLicense;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "4",
            description = "Rounds of evolution; each evolves every instruction once. Default: ${DEFAULT-VALUE}")
    int rounds;

    @Option(names = "--operation-weights", paramLabel = "OP=W,...",
            description = "Relative weights of add-constraints, deepen, concretize, increase-reasoning, "
                    + "complicate-input, breadth; unnamed ones keep 1, 0 turns one off. Default: uniform")
    String operationWeights;

    @Option(names = "--no-equality-judge", negatable = false,
            description = "Skip the teacher's Equal / Not Equal judgement (the text check for identical "
                    + "rewrites still runs).")
    boolean noEqualityJudge;

    @Option(names = "--keep-originals",
            description = "Also write the input instructions as 'method: seed' examples (they count towards "
                    + "--target).")
    boolean keepOriginals;

    @Option(names = "--rouge-threshold", paramLabel = "F1",
            description = "Reject an evolved instruction whose ROUGE-L F1 against any accepted instruction "
                    + "outside its own lineage exceeds this. Default: off")
    Double rougeThreshold;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "1.0",
            description = "Sampling temperature of rewrites and answers. Default: ${DEFAULT-VALUE}")
    double temperature;

    @Option(names = "--top-p", paramLabel = "P", defaultValue = "0.95",
            description = "Nucleus sampling of rewrites and answers. Default: ${DEFAULT-VALUE}")
    double topP;

    @Option(names = "--max-output-tokens", paramLabel = "N", defaultValue = "2048",
            description = "Token limit of one rewrite or answer; a reply cut off by it is eliminated. "
                    + "Default: ${DEFAULT-VALUE}")
    int maxOutputTokens;

    /** Time of the run; tests may replace it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        // run.log gets what the console shows, from the first line; it is written once the run directory is ours
        try (RunLog log = RunLog.forEnvironment(clock, System.getenv())) {
            return call(log.tee(spec.commandLine().getOut()), log.tee(spec.commandLine().getErr()), log);
        }
    }

    private Integer call(PrintWriter out, PrintWriter err, RunLog log) {
        EvolSettings settings = settings();
        Dataset dataset = DatasetReader.read(input);
        SeedLicenses licenses = new SeedLicenseResolver().resolve(dataset.file(), inputLicense, dataset.tasks());
        List<EvolInput> inputs = EvolInput.all(dataset, licenses);

        TeacherSettings teacher = options.teacherSettings();
        TeacherIdentity identity = teacher.identity();
        // before any request: terms, the commercial-use gate, price
        var settled = TeacherTermsAndPrice.settle(identity, licenses.sources(), options, config.file(), err);
        TeacherTermsPolicy policy = settled.policy();
        TeacherTerms terms = settled.terms();
        Price price = settled.price();
        LibraryEvolPrompts prompts = new LibraryEvolPrompts(PromptLibrary.withOverrides(options.promptsDir));
        List<PromptTemplate> templates = prompts.templatesFor(settings);
        long evolutions = (long) inputs.size() * settings.rounds();
        if (options.dryRun) {
            out.print(EvolDryRun.of(inputs, settings, prompts, price.isKnown() ? price::cost : CostModel.FREE)
                    .format(identity.model(), price.isKnown()));
            out.flush();
            return ExitCode.OK;
        }
        long target = settings.target() != null ? settings.target()
                : evolutions + (settings.keepOriginals() ? inputs.size() : 0);
        RunSpec runSpec = new RunSpec(COMMAND, options.out, teacher, target,
                new Budget(options.maxCost, options.maxTokens), options.randomSeed, TokenizerKind.ROUGE_SCORE,
                rougeThreshold == null ? 1.0 : rougeThreshold, manifestSettings(settings, dataset, policy),
                promptHashes(templates), new RunSpec.SeedRef(dataset.file().toString(),
                FileDigest.sha256(dataset.file()), licenseOf(licenses)),
                licensePolicy(policy, licenses), RunOutcomeReport.graceFor(teacher.timeout()));
        RunAssembly.Parts parts = RunAssembly.productionParts(System::getenv, clock, VersionProvider.version(),
                price, terms, message -> {
                    err.println("warning: " + message);
                    err.flush();
                });

        RunOutcome outcome;
        try (RunContext ctx = RunAssembly.assemble(runSpec, parts)) {
            log.attach(options.out);
            if (ctx.resumed()) {
                err.println("resuming run " + ctx.runId() + ": " + ctx.restoredExamples().size()
                        + " examples already accepted");
            }
            ProgressReporter progress = ProgressReporter.forEnvironment(System.console() != null, err,
                    options.progressInterval(), clock);
            outcome = new EvolRun(ctx, settings, prompts, EvolRun.CHECKPOINT_EVERY).run(inputs, progress, true);
            ctx.journal().writeText("DATASET_CARD.md", new DatasetCard().render(DatasetCardFacts.of(ctx, outcome,
                    Example.EVOL_INSTRUCT, terms, policy.version(), licenses.sources(), displaySettings(settings),
                    price)));
            ctx.journal().flush();
        }
        return report(outcome, out, err);
    }

    private EvolSettings settings() {
        Sampling sampling;
        try {
            sampling = new Sampling(temperature, topP, maxOutputTokens, null, List.of());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--temperature / --top-p / --max-output-tokens: " + e.getMessage());
        }
        EvolSettings fromOptions = new EvolSettings(rounds, OperationWeights.parse(operationWeights),
                options.randomSeed, sampling, sampling, !noEqualityJudge, rougeThreshold, options.target,
                keepOriginals);
        var file = config.file();
        return fromOptions.withSampling(SamplingSection.apply(fromOptions.samplingByStage(),
                file.section("sampling").orElse(null), file.path() + ""));
    }

    /** Everything that defines the run; a rerun with other values refuses to resume (PRODUCT.md). */
    private static Map<String, Object> manifestSettings(EvolSettings s, Dataset dataset, TeacherTermsPolicy policy) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", dataset.file().toString());
        m.put("input_format", dataset.format().toString());
        m.putAll(s.manifestSettings());
        m.put("license_policy_version", policy.version());
        return m;
    }

    /** Template file name to the sha256 of its text, as RunSpec and the Self-Instruct manifest record them. */
    private static Map<String, String> promptHashes(List<PromptTemplate> templates) {
        Map<String, String> hashes = new LinkedHashMap<>();
        templates.forEach(t -> hashes.put(t.name(), t.sha256()));
        return hashes;
    }

    private static String licenseOf(SeedLicenses licenses) {
        return licenses.sources().size() == 1 ? licenses.sources().get(0).license() : null;
    }

    private int report(RunOutcome outcome, PrintWriter out, PrintWriter err) {
        return RunOutcomeReport.report(outcome,
                "done: evolved " + summary(outcome) + " in " + options.out.resolve("examples.jsonl"), out, err);
    }

    private String summary(RunOutcome outcome) {
        return input + " for " + rounds + (rounds == 1 ? " round" : " rounds")
                + (outcome.reason() == StopReason.TARGET_REACHED && options.target != null
                ? " (stopped at --target " + options.target + ")" : "");
    }

    private Map<String, Object> licensePolicy(TeacherTermsPolicy policy, SeedLicenses licenses) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", policy.version());
        m.put("require_commercial", options.requireCommercial);
        m.put("input_license", licenseOf(licenses));
        m.put("input_license_origin", licenses.origin().name().toLowerCase(Locale.ROOT));
        return m;
    }

    private Map<String, String> displaySettings(EvolSettings s) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("input", String.valueOf(input));
        m.putAll(s.displaySettings());
        return m;
    }

}
