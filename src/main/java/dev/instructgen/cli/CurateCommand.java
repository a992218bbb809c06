package dev.instructgen.cli;

import dev.instructgen.dataset.Dataset;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.config.ConfigFile;
import dev.instructgen.config.JudgeSection;
import dev.instructgen.error.BadInputException;
import dev.instructgen.filter.quality.JudgeSettings;
import dev.instructgen.filter.quality.JudgeSetup;
import dev.instructgen.filter.quality.LlmJudge;
import dev.instructgen.filter.quality.OnUnreadable;
import dev.instructgen.filter.quality.QualitySettings;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.teacher.TeacherUrl;
import dev.instructgen.teacher.pricing.PriceTable;
import picocli.CommandLine.Mixin;
import dev.instructgen.licensing.SeedLicenseResolver;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.licensing.TeacherTermsPolicy;
import dev.instructgen.method.curate.CurateMethod;
import dev.instructgen.pipeline.Budget;
import dev.instructgen.pipeline.RunAssembly;
import dev.instructgen.pipeline.RunOutcome;
import dev.instructgen.pipeline.RunSession;
import dev.instructgen.storage.RunLog;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.pricing.Price;
import dev.instructgen.text.semantic.BgeSmallEmbedder;
import dev.instructgen.text.semantic.SentenceEmbedder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code instructgen curate}: the quality filters over any dataset or run, into a run directory of its own
 * (resumable like the generating commands); docs/quality.md.
 */
@Command(name = "curate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Filter an existing dataset or run: benchmark decontamination, semantic near-duplicates, an "
                + "optional LLM judge (--judge) and --top N selection (best score first, ties broken toward "
                + "diversity). Without --judge no teacher requests.",
                "Writes a run directory: examples.jsonl (records with their provenance and license), rejected.jsonl "
                        + "(with reasons), stats.json, manifest.json, DATASET_CARD.md. Rerunning resumes."},
        footer = {"", "Example:",
                "  instructgen curate --in runs/evolved --out runs/curated --semantic-dedup 0.85 \\",
                "      --decontaminate bench/gsm8k_test.jsonl bench/mmlu.jsonl --top 1000 \\",
                "      --judge --judge-url http://localhost:11434 --judge-api ollama --judge-model qwen2.5:14b"})
public final class CurateCommand implements Callable<Integer> {

    /** Curate asks no teacher; the engine's teacher slot holds this placeholder, which refuses any request. */
    static final TeacherSettings NO_TEACHER = new TeacherSettings(TeacherApi.OPENAI,
            URI.create("http://localhost/v1"), "none", "OPENAI_API_KEY", 1, Duration.ofSeconds(60), 0, 0,
            Duration.ofMinutes(10));
    static final TeacherTerms NO_TEACHER_TERMS = new TeacherTerms("none", null, "none",
            "no teacher (curate makes no requests)", null, true, List.of(), "curate", null,
            "the records keep the licenses they came with");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE|RUN_DIR",
            description = "Dataset file (Self-Instruct seeds, Alpaca JSON/JSONL, Dolly, instructgen examples) or "
                    + "a run directory.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Run directory to write. An existing curate run with the same settings resumes.")
    Path out;

    @Option(names = "--input-license", paramLabel = "SPDX",
            description = "License of the input set when its records carry none (else a FILE.license sidecar, "
                    + "else per-record license fields, else unknown).")
    String inputLicense;

    @Mixin
    QualityOptions quality;

    @Mixin
    ConfigOption config;

    @Option(names = "--judge",
            description = "Score every record that passes the other filters with an LLM judge (AlpaGasus rubric, "
                    + "0-5, prompts/judge/score.txt); needs --judge-url and --judge-model.")
    boolean judge;

    @Option(names = "--judge-url", paramLabel = "URL", description = "Base URL of the judge.")
    String judgeUrl;

    @Option(names = "--judge-model", paramLabel = "NAME", description = "Judge model.")
    String judgeModel;

    @Option(names = "--judge-api", paramLabel = "openai|ollama", defaultValue = "openai",
            description = "Wire format of the judge. Default: ${DEFAULT-VALUE}")
    TeacherApi judgeApi;

    @Option(names = "--min-score", paramLabel = "S", defaultValue = "4.5",
            description = "Keep records the judge scores at least this (0-5; AlpaGasus kept >= 4.5). "
                    + "Default: ${DEFAULT-VALUE}")
    double minScore;

    @Option(names = "--on-unreadable", paramLabel = "keep|drop", defaultValue = "drop",
            description = "What to do with a record whose verdict cannot be read after one retry. "
                    + "Default: ${DEFAULT-VALUE}")
    String onUnreadable;

    @Option(names = "--api-key-env", paramLabel = "NAME", defaultValue = "OPENAI_API_KEY",
            description = "Environment variable holding the judge's API key (none needed for local servers). "
                    + "Default: ${DEFAULT-VALUE}")
    String apiKeyEnv;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Judge requests in flight at once. Default: ${DEFAULT-VALUE}")
    int concurrency;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "120s", converter = DurationConverter.class,
            description = "Per-request timeout of the judge. Default: ${DEFAULT-VALUE}")
    Duration timeout;

    @Option(names = "--prompts", paramLabel = "DIR",
            description = "Directory overriding shipped templates (judge/score.txt).")
    Path promptsDir;

    @Option(names = "--top", paramLabel = "N",
            description = "Keep at most N records, best score first and ties broken toward diversity (the least "
                    + "similar to those already kept). Default: all that pass")
    Integer top;

    @Option(names = "--dry-run", description = "Print what would be done, then exit.")
    boolean dryRun;

    @Option(names = "--progress-interval", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Interval of the progress line when the output is not a terminal. Default: ${DEFAULT-VALUE}")
    Duration progressInterval;

    @Option(names = "--verbose", description = "More logging; stack traces on errors.")
    boolean verbose;

    /** Time of the run; tests may replace it. */
    Clock clock = Clock.systemUTC();

    /** The sentence model of --semantic-dedup and --top; tests may replace it. */
    Supplier<SentenceEmbedder> embedder = BgeSmallEmbedder::new;

    @Override
    public Integer call() {
        Dataset dataset = DatasetReader.read(in);
        QualitySettings qualitySettings = quality.settings();
        JudgeSetup judgeSetup = judgeSetup();
        SeedLicenses licenses = new SeedLicenseResolver().resolve(dataset.file(), inputLicense, dataset.tasks());
        TeacherTermsPolicy policy = TeacherTermsPolicy.loadDefault();
        String policyVersion = policy.version();
        CurateMethod method = new CurateMethod(in, dataset, licenses,
                CurateMethod.settings(dataset, qualitySettings, top, policyVersion, judgeSetup), embedder,
                judgeSetup);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try (RunLog log = RunLog.forEnvironment(clock, System.getenv())) {
            PrintWriter outTee = log.tee(stdout);
            PrintWriter errTee = log.tee(stderr);
            TeacherSettings teacher = judgeSetup == null ? NO_TEACHER : judgeSetup.teacher();
            TeacherTerms terms = judgeSetup == null ? NO_TEACHER_TERMS : policy.termsFor(teacher.identity());
            Price price = judgeSetup == null ? Price.free("curate makes no teacher requests")
                    : PriceTable.loadDefault().priceFor(teacher.identity());
            RunSession.Licensing licensing = new RunSession.Licensing(terms, policyVersion, false, price);
            RunSession session = new RunSession(new RunSession.Options(out, teacher, null, Budget.UNLIMITED, 0,
                    progressInterval, System.console() != null, true), licensing,
                    warnings -> {
                        RunAssembly.Parts parts = RunAssembly.productionParts(System::getenv, clock,
                                VersionProvider.version(), price, terms, warnings);
                        return judgeSetup == null ? withoutTeacher(parts) : parts;
                    },
                    clock, errTee, log::attach);
            if (dryRun) {
                outTee.print(method.dryRun(session.spec(method), licensing).text());
                outTee.flush();
                return ExitCode.OK;
            }
            RunSession.Finished finished = session.run(method);
            RunOutcome outcome = finished.outcome();
            return RunOutcomeReport.report(outcome, "done: " + method.doneSummary(outcome, session.spec(method),
                    finished.accepted()) + " in " + out.resolve("examples.jsonl"), outTee, errTee);
        }
    }

    /** The judge of --judge, or null; curate has no teacher of its own, so the judge must be named in full. */
    private JudgeSetup judgeSetup() {
        if (!judge) {
            if (judgeUrl != null || judgeModel != null) {
                throw new BadInputException("--judge-url and --judge-model need --judge");
            }
            return null;
        }
        if (judgeUrl == null || judgeModel == null) {
            throw new BadInputException("curate --judge needs --judge-url and --judge-model (curate has no teacher "
                    + "whose endpoint the judge could share)");
        }
        ConfigFile file = config.file();
        JudgeSection section = JudgeSection.apply(JudgeSettings.DEFAULT_SAMPLING,
                file.section("judge").orElse(null), String.valueOf(file.path()));
        JudgeSettings settings = new JudgeSettings(minScore, OnUnreadable.fromKey(onUnreadable), section.sampling());
        int inFlight = section.concurrency() != null ? section.concurrency() : concurrency;
        TeacherSettings teacher = new TeacherSettings(judgeApi, TeacherUrl.parse(judgeUrl), judgeModel, apiKeyEnv,
                inFlight, timeout, 0, 0, Duration.ofMinutes(10));
        return new JudgeSetup(teacher, false, settings,
                PromptLibrary.withOverrides(promptsDir).get(LlmJudge.TEMPLATE));
    }

    private static RunAssembly.Parts withoutTeacher(RunAssembly.Parts parts) {
        return new RunAssembly.Parts((settings, metrics) -> new RefusingTeacher(settings.identity()),
                parts.journals(), parts.prices(), parts.licenses(), parts.clock(), parts.warnings());
    }

    /** The teacher slot of a curate run: nothing in curate sends a request, so one reaching here is a bug. */
    private record RefusingTeacher(TeacherIdentity identity) implements TeacherClient {
        @Override
        public dev.instructgen.teacher.TeacherReply complete(dev.instructgen.teacher.TeacherRequest request) {
            throw new FatalTeacherException(0, "curate makes no teacher requests", null);
        }
    }
}
