package dev.instructgen.cli;

import dev.instructgen.config.FilterSection;
import dev.instructgen.config.SamplingSection;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.error.BadInputException;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.method.alpaca.AlpacaMethod;
import dev.instructgen.method.alpaca.AlpacaPrompts;
import dev.instructgen.method.alpaca.AlpacaSettings;
import dev.instructgen.prompt.PromptLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Mixin
    SeedSetOptions seedSet;

    @Option(names = "--tasks-per-request", paramLabel = "N", defaultValue = "20",
            description = "Triples asked for in one request, 1 to 50. Default: ${DEFAULT-VALUE}")
    int tasksPerRequest;

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
        var configFile = config.file();
        String where = String.valueOf(configFile.path());
        AlpacaSettings defaults = AlpacaSettings.defaults(tasksPerRequest);
        AlpacaSettings settings = defaults.withSampling(SamplingSection.apply(defaults.samplingByStage(),
                configFile.section("sampling").orElse(null), where));
        InstructionFilterSettings filters = FilterSection.apply(InstructionFilterSettings.defaults(),
                configFile.section("filters").orElse(null), where);
        List<SeedTask> seedTasks = seedSet.tasks();
        var seedLicenses = seedSet.licenses(seedTasks);
        AlpacaPrompts prompts = new AlpacaPrompts(PromptLibrary.withOverrides(gen.promptsDir));
        prompts.validate();
        return new AlpacaMethod(seedSet.seeds, seedTasks, seedLicenses, settings, filters,
                seedSet.tokenizer(), seedSet.rougeThreshold(),
                prompts);
    }

}
