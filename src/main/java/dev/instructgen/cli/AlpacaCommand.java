package dev.instructgen.cli;

import dev.instructgen.config.FilterSection;
import dev.instructgen.config.SamplingSection;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.error.BadInputException;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.licensing.SeedLicenseResolver;
import dev.instructgen.method.alpaca.AlpacaMethod;
import dev.instructgen.method.alpaca.AlpacaPrompts;
import dev.instructgen.method.alpaca.AlpacaSettings;
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

/** {@code alpaca}: one-pass batched generation of whole triples (Taori et al. 2023). */
@Command(name = "alpaca", mixinStandardHelpOptions = true,
        description = "Generate instruction/input/output triples in batches with the Alpaca recipe (Taori et al. "
                + "2023): 3 seed demonstrations per request, up to 20 triples per reply, heuristic and ROUGE-L "
                + "filters.",
        footer = {"", "Example:",
                "  instructgen alpaca --seeds seeds/seed_tasks.jsonl \\",
                "      --teacher-api ollama --teacher-url http://localhost:11434 \\",
                "      --model llama3.1:8b --target 500 --out runs/alpaca"})
public final class AlpacaCommand implements Callable<Integer> {

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

    @Option(names = "--tasks-per-request", paramLabel = "N", defaultValue = "20",
            description = "Triples asked for in one request, 1 to 50. Default: ${DEFAULT-VALUE}")
    int tasksPerRequest;

    @Option(names = "--rouge-threshold", paramLabel = "F1", defaultValue = "0.7",
            description = "Reject an instruction whose ROUGE-L F1 against any pool member exceeds this. "
                    + "Default: ${DEFAULT-VALUE}")
    double rougeThreshold;

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

    private AlpacaMethod method() {
        if (gen.target == null) {
            throw new BadInputException("--target is required: the number of accepted examples wanted");
        }
        if (!(rougeThreshold > 0 && rougeThreshold <= 1)) {
            throw new BadInputException("--rouge-threshold must be within (0, 1], was " + rougeThreshold);
        }
        var configFile = config.file();
        String where = String.valueOf(configFile.path());
        AlpacaSettings defaults = AlpacaSettings.defaults(tasksPerRequest);
        AlpacaSettings settings = defaults.withSampling(SamplingSection.apply(defaults.samplingByStage(),
                configFile.section("sampling").orElse(null), where));
        InstructionFilterSettings filters = FilterSection.apply(InstructionFilterSettings.defaults(),
                configFile.section("filters").orElse(null), where);
        List<SeedTask> seedTasks = DatasetReader.read(seeds).tasks();
        if (seedTasks.isEmpty()) {
            throw new BadInputException(seeds + ": no seed tasks found (expected at least one task)");
        }
        var seedLicenses = new SeedLicenseResolver().resolve(seeds, seedsLicense, seedTasks);
        AlpacaPrompts prompts = new AlpacaPrompts(PromptLibrary.withOverrides(gen.promptsDir));
        prompts.validate();
        return new AlpacaMethod(seeds, seedTasks, seedLicenses, settings, filters, tokenizerKind(), rougeThreshold,
                prompts);
    }

    private TokenizerKind tokenizerKind() {
        try {
            return TokenizerKind.fromCliName(tokenizer);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--tokenizer: " + e.getMessage());
        }
    }
}
