package dev.instructgen.cli;

import dev.instructgen.config.FilterSection;
import dev.instructgen.config.SamplingSection;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.error.BadInputException;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.method.unnatural.UnnaturalMethod;
import dev.instructgen.method.unnatural.UnnaturalPrompts;
import dev.instructgen.method.unnatural.UnnaturalSettings;
import dev.instructgen.prompt.PromptLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code unnatural}: Unnatural Instructions core generation and paraphrase expansion (Honovich et al. 2023). */
@Command(name = "unnatural", mixinStandardHelpOptions = true,
        description = "Generate examples with Unnatural Instructions (Honovich et al. 2023): 3 seed demonstrations "
                + "of instruction, input and constraints, the teacher writes a fourth, its output in a second "
                + "request, then N paraphrases of each instruction sharing its task id.",
        footer = {"", "Example:",
                "  instructgen unnatural --seeds seeds/seed_tasks.jsonl --paraphrases 2 \\",
                "      --teacher-api ollama --teacher-url http://localhost:11434 \\",
                "      --model llama3.1:8b --target 500 --out runs/unnatural"})
public final class UnnaturalCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    GenerationOptions gen;

    @Mixin
    SeedSetOptions seedSet;

    @Option(names = "--paraphrases", paramLabel = "N", defaultValue = "2",
            description = "Alternative formulations of each core instruction, each its own example, 0 to 10. "
                    + "Default: ${DEFAULT-VALUE}")
    int paraphrases;

    /** Time of the run; tests may replace it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        return GenerationRun.run(method(), gen, config, spec.commandLine().getOut(), spec.commandLine().getErr(),
                clock);
    }

    private UnnaturalMethod method() {
        if (gen.target == null) {
            throw new BadInputException("--target is required: the number of accepted examples wanted");
        }
        var configFile = config.file();
        String where = String.valueOf(configFile.path());
        UnnaturalSettings defaults = UnnaturalSettings.defaults(paraphrases);
        UnnaturalSettings settings = defaults.withSampling(SamplingSection.apply(defaults.samplingByStage(),
                configFile.section("sampling").orElse(null), where));
        InstructionFilterSettings filters = FilterSection.apply(InstructionFilterSettings.defaults(),
                configFile.section("filters").orElse(null), where);
        List<SeedTask> seedTasks = seedSet.tasks();
        var seedLicenses = seedSet.licenses(seedTasks);
        UnnaturalPrompts prompts = new UnnaturalPrompts(PromptLibrary.withOverrides(gen.promptsDir));
        prompts.validate();
        return new UnnaturalMethod(seedSet.seeds, seedTasks, seedLicenses, settings, filters,
                seedSet.tokenizer(), seedSet.rougeThreshold(),
                prompts);
    }

}
