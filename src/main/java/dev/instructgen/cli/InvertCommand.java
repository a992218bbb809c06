package dev.instructgen.cli;

import dev.instructgen.config.SamplingSection;
import dev.instructgen.dataset.Dataset;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.licensing.SeedLicenseResolver;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.method.invert.InvertMethod;
import dev.instructgen.method.invert.InvertPrompts;
import dev.instructgen.method.invert.InvertSettings;
import dev.instructgen.method.invert.SourceExample;
import dev.instructgen.prompt.PromptLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code instructgen invert}: input/output inversion of an existing dataset or run; docs/invert.md. */
@Command(name = "invert", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Invert an existing dataset or run: for each example with a non-empty output the teacher "
                + "writes the inverse task, whose input is the original output and whose output is the original "
                + "input (or question). The teacher answers SKIP where an inversion makes no sense; skips are "
                + "counted in stats.json, not written.",
                "Every inverted example names its source in provenance.parents; inverted instructions must be "
                        + "novel (ROUGE-L) against the input set and each other."},
        footer = {"", "Example:",
                "  instructgen invert --input runs/first --target 200 \\",
                "      --teacher-api ollama --teacher-url http://localhost:11434 \\",
                "      --model llama3.1:8b --out runs/inverted"})
public final class InvertCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    GenerationOptions options;

    @Option(names = "--input", required = true, paramLabel = "FILE|DIR",
            description = "Examples to invert: a Self-Instruct seed file, an Alpaca JSON/JSONL or Dolly JSONL "
                    + "dataset, or a run directory (its examples.jsonl).")
    Path input;

    @Option(names = "--input-license", paramLabel = "SPDX",
            description = "License of the input set (else a FILE.license sidecar, else per-record license "
                    + "fields, else unknown). It flows into every inverted example.")
    String inputLicense;

    @Option(names = "--rouge-threshold", paramLabel = "F1", defaultValue = "0.7",
            description = "Reject an inverted instruction whose ROUGE-L F1 against any input or earlier "
                    + "inversion exceeds this. Default: ${DEFAULT-VALUE}")
    double rougeThreshold;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "0.7",
            description = "Sampling temperature of the inversion requests. Default: ${DEFAULT-VALUE}")
    double temperature;

    @Option(names = "--max-output-tokens", paramLabel = "N", defaultValue = "256",
            description = "Token limit of one reply; a reply cut off by it is rejected. Default: ${DEFAULT-VALUE}")
    int maxOutputTokens;

    /** Time of the run; tests may replace it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        InvertSettings fromOptions = new InvertSettings(InvertSettings.sampling(temperature, maxOutputTokens),
                rougeThreshold, options.target);
        var file = config.file();
        InvertSettings settings = fromOptions.withSampling(SamplingSection.apply(fromOptions.samplingByStage(),
                file.section("sampling").orElse(null), file.path() + ""));
        Dataset dataset = DatasetReader.read(input);
        SeedLicenses licenses = new SeedLicenseResolver().resolve(dataset.file(), inputLicense, dataset.tasks());
        InvertPrompts prompts = new InvertPrompts(PromptLibrary.withOverrides(options.promptsDir));
        InvertMethod method = new InvertMethod(input, dataset, licenses, SourceExample.all(dataset, licenses),
                settings, prompts);
        return GenerationRun.run(method, options, config, spec.commandLine().getOut(), spec.commandLine().getErr(),
                clock);
    }
}
