package dev.instructgen.cli;

import dev.instructgen.config.FilterSection;
import dev.instructgen.config.SamplingSection;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.error.BadInputException;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.licensing.SeedLicenseResolver;
import dev.instructgen.method.selfinstruct.SelfInstructMethod;
import dev.instructgen.method.selfinstruct.SelfInstructPrompts;
import dev.instructgen.method.selfinstruct.SelfInstructSettings;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.text.TokenizerKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    GenerationOptions gen;

    @Mixin
    JudgeOptions judge;

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

    @Override
    public Integer call() {
        return GenerationRun.run(method(), gen, config, spec.commandLine().getOut(), spec.commandLine().getErr(),
                clock);
    }

    /** Reads options, config sections, seeds, licenses and prompts; refuses bad input before any request. */
    private SelfInstructMethod method() {
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
        List<SeedTask> seedTasks = DatasetReader.read(seeds).tasks();
        if (seedTasks.isEmpty()) {
            throw new BadInputException(seeds + ": no seed tasks found (expected at least one task)");
        }
        var seedLicenses = new SeedLicenseResolver().resolve(seeds, seedsLicense, seedTasks);
        PromptLibrary library = PromptLibrary.withOverrides(gen.promptsDir);
        SelfInstructPrompts prompts = new SelfInstructPrompts(library);
        prompts.validate();
        return new SelfInstructMethod(seeds, seedTasks, seedLicenses, settings, filters, tokenizerKind(),
                rougeThreshold, prompts, judge.setup(gen, configFile, library));
    }

    private TokenizerKind tokenizerKind() {
        try {
            return TokenizerKind.fromCliName(tokenizer);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--tokenizer: " + e.getMessage());
        }
    }
}
