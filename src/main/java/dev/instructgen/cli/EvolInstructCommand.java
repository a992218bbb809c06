package dev.instructgen.cli;

import dev.instructgen.config.SamplingSection;
import dev.instructgen.dataset.Dataset;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.licensing.SeedLicenseResolver;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.method.evol.EvolInput;
import dev.instructgen.method.evol.EvolInstructMethod;
import dev.instructgen.method.evol.EvolSettings;
import dev.instructgen.method.evol.LibraryEvolPrompts;
import dev.instructgen.method.evol.OperationWeights;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.teacher.Sampling;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    GenerationOptions options;

    @Mixin
    JudgeOptions judge;

    @Mixin
    QualityOptions quality;

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
        EvolSettings settings = settings();
        Dataset dataset = DatasetReader.read(input);
        SeedLicenses licenses = new SeedLicenseResolver().resolve(dataset.file(), inputLicense, dataset.tasks());
        PromptLibrary library = PromptLibrary.withOverrides(options.promptsDir);
        LibraryEvolPrompts prompts = new LibraryEvolPrompts(library);
        EvolInstructMethod method = new EvolInstructMethod(input, dataset, licenses, EvolInput.all(dataset, licenses),
                settings, prompts, judge.setup(options, config.file(), library), quality.inline());
        return GenerationRun.run(method, options, config, spec.commandLine().getOut(), spec.commandLine().getErr(),
                clock);
    }

    private EvolSettings settings() {
        Sampling sampling = EvolSettings.sampling(temperature, topP, maxOutputTokens);
        EvolSettings fromOptions = new EvolSettings(rounds, OperationWeights.parse(operationWeights),
                options.randomSeed, sampling, sampling, !noEqualityJudge, rougeThreshold, options.target,
                keepOriginals);
        var file = config.file();
        return fromOptions.withSampling(SamplingSection.apply(fromOptions.samplingByStage(),
                file.section("sampling").orElse(null), file.path() + ""));
    }
}
