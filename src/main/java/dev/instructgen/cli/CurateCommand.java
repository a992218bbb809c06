package dev.instructgen.cli;

import dev.instructgen.dataset.Dataset;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.filter.quality.QualitySettings;
import dev.instructgen.licensing.SeedLicenseResolver;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.licensing.TeacherTermsPolicy;
import dev.instructgen.method.curate.CurateMethod;
import dev.instructgen.pipeline.Budget;
import dev.instructgen.pipeline.FileDigest;
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
import dev.instructgen.text.overlap.BenchmarkIndex;
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
        description = {"Filter an existing dataset or run: semantic near-duplicates, benchmark decontamination and "
                + "--top N selection (ties broken toward diversity). No teacher requests.",
                "Writes a run directory: examples.jsonl (records with their provenance and license), rejected.jsonl "
                        + "(with reasons), stats.json, manifest.json, DATASET_CARD.md. Rerunning resumes."},
        footer = {"", "Example:",
                "  instructgen curate --in runs/evolved --out runs/curated --semantic-dedup 0.85 \\",
                "      --decontaminate bench/gsm8k_test.jsonl bench/mmlu.jsonl --top 1000"})
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

    @Option(names = "--semantic-dedup", paramLabel = "T",
            description = "Drop a record whose instruction (plus input) has embedding cosine similarity above T "
                    + "with one kept before it; 0.85 suits bge-small-en-v1.5. Default: off")
    Double semanticDedup;

    @Option(names = "--decontaminate", paramLabel = "FILE", arity = "1..*",
            description = "Benchmark files (JSONL with a text field, or plain text one item per line): drop "
                    + "records that reproduce an item.")
    List<Path> decontaminate = List.of();

    @Option(names = "--decontaminate-field", paramLabel = "NAME",
            description = "JSONL field holding a benchmark item's text. Default: the first of question, prompt, "
                    + "instruction, text, input")
    String decontaminateField;

    @Option(names = "--ngram", paramLabel = "N", defaultValue = "" + BenchmarkIndex.DEFAULT_NGRAM,
            description = "Shared run of words that counts as contamination (GPT-3: 13). Default: ${DEFAULT-VALUE}")
    int ngram;

    @Option(names = "--decontaminate-threshold", paramLabel = "F1",
            defaultValue = "" + BenchmarkIndex.DEFAULT_ROUGE_THRESHOLD,
            description = "Also drop when ROUGE-L F1 with an item exceeds this (light edits). "
                    + "Default: ${DEFAULT-VALUE}")
    double decontaminateThreshold;

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
        QualitySettings quality = new QualitySettings(semanticDedup, decontaminate,
                decontaminate.stream().map(FileDigest::sha256).toList(), decontaminateField, ngram,
                decontaminateThreshold);
        SeedLicenses licenses = new SeedLicenseResolver().resolve(dataset.file(), inputLicense, dataset.tasks());
        String policyVersion = TeacherTermsPolicy.loadDefault().version();
        CurateMethod method = new CurateMethod(in, dataset, licenses,
                CurateMethod.settings(dataset, quality, top, policyVersion), embedder);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        try (RunLog log = RunLog.forEnvironment(clock, System.getenv())) {
            PrintWriter outTee = log.tee(stdout);
            PrintWriter errTee = log.tee(stderr);
            RunSession.Licensing licensing = new RunSession.Licensing(NO_TEACHER_TERMS, policyVersion, false,
                    Price.free("curate makes no teacher requests"));
            RunSession session = new RunSession(new RunSession.Options(out, NO_TEACHER, null, Budget.UNLIMITED, 0,
                    progressInterval, System.console() != null, true), licensing,
                    warnings -> withoutTeacher(RunAssembly.productionParts(System::getenv, clock,
                            VersionProvider.version(), licensing.price(), NO_TEACHER_TERMS, warnings)),
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
