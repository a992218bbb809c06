package dev.instructgen.cli;

import dev.instructgen.config.SamplingSection;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.error.BadInputException;
import dev.instructgen.licensing.SeedLicenseResolver;
import dev.instructgen.method.selfchat.SelfChatMethod;
import dev.instructgen.method.selfchat.SelfChatPrompts;
import dev.instructgen.method.selfchat.SelfChatSettings;
import dev.instructgen.method.selfchat.TopicFile;
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

/** {@code instructgen self-chat}: Baize-style multi-turn conversations (Xu et al. 2023); docs/self-chat.md. */
@Command(name = "self-chat", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate multi-turn conversations with Baize's self-chat (Xu et al. 2023): for each seed "
                + "topic the teacher writes a whole transcript, playing both the user and the assistant, for up to "
                + "--turns user turns or until it ends the chat.",
                "Each record carries its turns in 'messages'. A transcript is cut at the first empty, repeated or "
                        + "role-confused turn; a conversation needs --min-turns full exchanges, and its first user "
                        + "turn must be novel (ROUGE-L) against those kept before it."},
        footer = {"", "Example:",
                "  instructgen self-chat --topics topics.txt --turns 3 --target 500 \\",
                "      --teacher-api ollama --teacher-url http://localhost:11434 \\",
                "      --model llama3.1:8b --out runs/chat",
                "  instructgen export --run runs/chat --format sharegpt --to chat.jsonl"})
public final class SelfChatCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    GenerationOptions gen;

    @Option(names = "--seeds", paramLabel = "FILE",
            description = "Seed questions: the instructions of a Self-Instruct, Alpaca, Dolly or instructgen "
                    + "dataset (an input, when a record has one, is shown with its instruction). "
                    + "Give --seeds or --topics.")
    Path seeds;

    @Option(names = "--topics", paramLabel = "FILE",
            description = "Topics instead of a dataset: UTF-8 text, one topic or question per line; blank lines "
                    + "are skipped.")
    Path topics;

    @Option(names = "--seeds-license", paramLabel = "SPDX",
            description = "License of the seed or topics file (else a FILE.license sidecar, else per-record "
                    + "license fields).")
    String seedsLicense;

    @Option(names = "--turns", paramLabel = "N", defaultValue = "3",
            description = "Most user turns per conversation, 1 to " + SelfChatSettings.MAX_TURNS
                    + "; the teacher may end the chat sooner. Default: ${DEFAULT-VALUE}")
    int turns;

    @Option(names = "--min-turns", paramLabel = "N", defaultValue = "1",
            description = "Fewest full user/assistant exchanges a kept conversation needs; shorter ones are "
                    + "rejected (too_few_turns). Default: ${DEFAULT-VALUE}")
    int minTurns;

    @Option(names = "--rouge-threshold", paramLabel = "F1", defaultValue = "0.7",
            description = "Novelty of the first user turn: reject a conversation whose opening has a ROUGE-L F1 "
                    + "above this with an earlier one. Default: ${DEFAULT-VALUE}")
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

    private SelfChatMethod method() {
        if (gen.target == null) {
            throw new BadInputException("--target is required: the number of conversations wanted");
        }
        if ((seeds == null) == (topics == null)) {
            throw new BadInputException("give either --seeds FILE (a dataset whose instructions are the topics) or "
                    + "--topics FILE (one topic per line), not " + (seeds == null ? "neither" : "both"));
        }
        if (!(rougeThreshold > 0 && rougeThreshold <= 1)) {
            throw new BadInputException("--rouge-threshold must be within (0, 1], was " + rougeThreshold);
        }
        Path file = seeds != null ? seeds : topics;
        List<SeedTask> tasks = seeds != null ? DatasetReader.read(seeds).tasks() : TopicFile.read(topics);
        if (tasks.isEmpty()) {
            throw new BadInputException(file + ": no seed tasks found (expected at least one task)");
        }
        var configFile = config.file();
        SelfChatSettings defaults = SelfChatSettings.defaults(turns, minTurns);
        SelfChatSettings settings = defaults.withSampling(SamplingSection.apply(defaults.samplingByStage(),
                configFile.section("sampling").orElse(null), String.valueOf(configFile.path())));
        SelfChatPrompts prompts = new SelfChatPrompts(PromptLibrary.withOverrides(gen.promptsDir));
        return new SelfChatMethod(file, seeds != null ? "seeds" : "topics", tasks,
                new SeedLicenseResolver().resolve(file, seedsLicense, tasks), settings, tokenizer(),
                rougeThreshold, prompts);
    }

    private TokenizerKind tokenizer() {
        try {
            return TokenizerKind.fromCliName(tokenizer);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--tokenizer: " + e.getMessage());
        }
    }
}
