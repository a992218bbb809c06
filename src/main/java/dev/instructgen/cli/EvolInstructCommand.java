package dev.instructgen.cli;

import dev.instructgen.config.BadInputException;
import dev.instructgen.config.TeacherSettings;
import dev.instructgen.dataset.Dataset;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.licensing.CommercialUseGate;
import dev.instructgen.licensing.SeedLicenseResolver;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.licensing.TeacherTermsPolicy;
import dev.instructgen.pipeline.Budget;
import dev.instructgen.pipeline.ProgressReporter;
import dev.instructgen.pipeline.RunAssembly;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.RunOutcome;
import dev.instructgen.pipeline.RunSpec;
import dev.instructgen.pipeline.evol.EvolInput;
import dev.instructgen.pipeline.evol.EvolRun;
import dev.instructgen.pipeline.evol.EvolSettings;
import dev.instructgen.pipeline.evol.LibraryEvolPrompts;
import dev.instructgen.pipeline.evol.OperationWeights;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.prompt.PromptTemplate;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.text.TokenizerKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code instructgen evol-instruct}: Evol-Instruct (Xu et al. 2023) over an instruction set; docs/evol-instruct.md. */
@Command(name = "evol-instruct", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Evolve an instruction set for N rounds with Evol-Instruct (Xu et al. 2023, WizardLM): "
                + "in-depth operations (add constraints, deepen, concretize, increase reasoning steps, complicate "
                + "input) and in-breadth mutation, elimination of failed evolutions, answers by the teacher.",
                "Every evolved example records its parent, round and operation; failed evolutions go to "
                        + "rejected.jsonl with the rule that eliminated them."})
public final class EvolInstructCommand implements Callable<Integer> {

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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EvolSettings settings = settings();
        Dataset dataset = DatasetReader.read(input);
        SeedLicenses licenses = new SeedLicenseResolver().resolve(dataset.file(), inputLicense, dataset.tasks());
        List<EvolInput> inputs = inputs(dataset, licenses);

        TeacherSettings teacher = options.teacherSettings();
        TeacherTerms terms = TeacherTermsPolicy.loadDefault()
                .termsFor(new TeacherIdentity(teacher.api(), teacher.model(), teacher.host()));
        if (options.requireCommercial) {
            new CommercialUseGate().check(licenses.sources(), terms);
        }
        if (terms.isUnknown()) {
            err.println("warning: the terms of use of teacher model '" + teacher.model() + "' are unknown; "
                    + "examples get commercial_use: null");
        }
        PromptLibrary library = PromptLibrary.withOverrides(options.promptsDir);
        LibraryEvolPrompts prompts = new LibraryEvolPrompts(library);
        List<PromptTemplate> templates = prompts.templatesFor(settings);
        long target = settings.target() != null ? settings.target()
                : (long) inputs.size() * settings.rounds() + (settings.keepOriginals() ? inputs.size() : 0);
        if (options.dryRun) {
            int perEvolution = settings.equalityJudge() ? 3 : 2;
            out.printf("evol-instruct dry run: %d inputs x %d rounds = %d evolutions, at most %d teacher requests%n",
                    inputs.size(), settings.rounds(), (long) inputs.size() * settings.rounds(),
                    (long) inputs.size() * settings.rounds() * perEvolution);
            out.flush();
            return ExitCode.OK;
        }
        RunSpec runSpec = new RunSpec("evol-instruct", options.out, teacher, target,
                new Budget(options.maxCost, options.maxTokens), options.randomSeed, TokenizerKind.ROUGE_SCORE,
                rougeThreshold == null ? 1.0 : rougeThreshold, manifestSettings(settings, dataset),
                promptIds(templates),
                new RunSpec.SeedRef(dataset.file().toString(), sha256(dataset.file()), licenseOf(licenses)),
                Map.of("input_license_origin", licenses.origin().name().toLowerCase(java.util.Locale.ROOT),
                        "require_commercial", options.requireCommercial),
                Duration.ofSeconds(30));

        Clock clock = Clock.systemUTC();
        RunOutcome outcome;
        try (RunContext ctx = RunAssembly.assemble(runSpec,
                EvolRunParts.production(terms, templates, clock, w -> err.println("warning: " + w)))) {
            if (ctx.resumed()) {
                err.println("resuming run " + ctx.runId() + " in " + options.out + " ("
                        + ctx.restoredExamples().size() + " examples so far)");
            }
            ProgressReporter progress = ProgressReporter.forEnvironment(System.console() != null, err,
                    Duration.ofSeconds(30), clock);
            outcome = new EvolRun(ctx, settings, prompts, EvolRun.CHECKPOINT_EVERY).run(inputs, progress, true);
            out.printf("evol-instruct: %d examples in %s (%s)%n", ctx.stats().accepted(),
                    options.out.resolve("examples.jsonl"), outcome.reason().key());
        }
        report(outcome, err);
        out.flush();
        err.flush();
        return outcome.exitCode();
    }

    private EvolSettings settings() {
        Sampling sampling;
        try {
            sampling = new Sampling(temperature, topP, maxOutputTokens, null, List.of());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        return new EvolSettings(rounds, OperationWeights.parse(operationWeights), options.randomSeed, sampling,
                sampling, !noEqualityJudge, rougeThreshold, options.target, keepOriginals);
    }

    private static List<EvolInput> inputs(Dataset dataset, SeedLicenses licenses) {
        List<EvolInput> inputs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (SeedTask task : dataset.tasks()) {
            if (!ids.add(task.id())) {
                throw new BadInputException(dataset.file() + " line " + task.line() + ": id '" + task.id()
                        + "' appears twice; every input needs its own id, as lineages are traced by id");
            }
            if (task.instruction().isBlank()) {
                throw new BadInputException(dataset.file() + " line " + task.line() + ": empty instruction");
            }
            inputs.add(EvolInput.of(task, licenses.sourceOf(task)));
        }
        if (inputs.isEmpty()) {
            throw new BadInputException(dataset.file() + ": no instructions to evolve");
        }
        return inputs;
    }

    /** Everything that defines the run; a rerun with other values refuses to resume (PRODUCT.md). */
    private Map<String, Object> manifestSettings(EvolSettings s, Dataset dataset) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", dataset.file().toString());
        m.put("input_format", dataset.format().toString());
        m.put("rounds", s.rounds());
        m.put("operation_weights", s.weights().toString());
        m.put("equality_judge", s.equalityJudge());
        m.put("keep_originals", s.keepOriginals());
        m.put("rouge_threshold", s.rougeThreshold() == null ? "off" : s.rougeThreshold());
        m.put("temperature", s.evolve().temperature());
        m.put("top_p", s.evolve().topP());
        m.put("max_output_tokens", s.evolve().maxTokens());
        return m;
    }

    private static Map<String, String> promptIds(List<PromptTemplate> templates) {
        Map<String, String> ids = new LinkedHashMap<>();
        templates.forEach(t -> ids.put(t.name(), t.provenanceId()));
        return ids;
    }

    private static String licenseOf(SeedLicenses licenses) {
        return licenses.sources().size() == 1 ? licenses.sources().get(0).license() : null;
    }

    private static void report(RunOutcome outcome, PrintWriter err) {
        switch (outcome.reason().status()) {
            case STOPPED -> err.println("stopped: " + outcome.detail()
                    + " (run the same command again to resume)");
            case FAILED -> err.println("error: " + (outcome.detail().isEmpty() ? outcome.reason().key()
                    : outcome.detail()));
            default -> {
            }
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return java.util.HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
