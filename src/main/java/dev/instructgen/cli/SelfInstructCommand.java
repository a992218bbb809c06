package dev.instructgen.cli;

import dev.instructgen.config.FilterSection;
import dev.instructgen.config.SamplingSection;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.error.BadInputException;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.method.selfinstruct.AnswerSetup;
import dev.instructgen.method.selfinstruct.SelfInstructMethod;
import dev.instructgen.method.selfinstruct.SelfInstructPrompts;
import dev.instructgen.method.selfinstruct.SelfInstructSettings;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.teacher.Sampling;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    GenerationOptions gen;

    @Mixin
    JudgeOptions judge;

    @Mixin
    SeedSetOptions seedSet;

    @Mixin
    AnswerOptions answer;

    @Mixin
    QualityOptions quality;

    @Option(names = "--instances-per-task", paramLabel = "N", defaultValue = "1",
            description = "Instances kept per instruction, 1 to 5. Default: ${DEFAULT-VALUE}")
    int instancesPerTask;

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
        var configFile = config.file();
        String where = String.valueOf(configFile.path());
        SelfInstructSettings defaults = SelfInstructSettings.defaults(instancesPerTask);
        // the answer stage's sampling is settable like the others' (sampling.answer), and recorded only with it on
        Map<String, Sampling> stages = new LinkedHashMap<>(defaults.samplingByStage());
        stages.put(AnswerSetup.STAGE, AnswerSetup.DEFAULT_SAMPLING);
        Map<String, Sampling> sampling = SamplingSection.apply(stages, configFile.section("sampling").orElse(null),
                where);
        SelfInstructSettings settings = defaults.withSampling(sampling);
        InstructionFilterSettings filters = FilterSection.apply(InstructionFilterSettings.defaults(),
                configFile.section("filters").orElse(null), where);
        List<SeedTask> seedTasks = seedSet.tasks();
        var seedLicenses = seedSet.licenses(seedTasks);
        PromptLibrary library = PromptLibrary.withOverrides(gen.promptsDir);
        SelfInstructPrompts prompts = new SelfInstructPrompts(library);
        prompts.validate();
        return new SelfInstructMethod(seedSet.seeds, seedTasks, seedLicenses, settings, filters, seedSet.tokenizer(),
                seedSet.rougeThreshold(), prompts, judge.setup(gen, configFile, library),
                answer.setup(gen, configFile, library, sampling.get(AnswerSetup.STAGE), seedLicenses.sources(),
                        spec.commandLine().getErr()), quality.inline());
    }

}
