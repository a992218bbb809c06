package dev.instructgen.cli;

import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.ReasoningMode;
import dev.instructgen.teacher.StructuredMode;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherUrl;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Options shared by the generating commands (self-instruct, evol-instruct); PRODUCT.md, "Commands". */
public final class GenerationOptions {

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Run directory. An existing run with the same settings resumes.")
    public Path out;

    /** Where each wire format's usual local server listens: vLLM's default port, and Ollama's. */
    static final URI DEFAULT_OPENAI_URL = URI.create("http://localhost:8000/v1");
    static final URI DEFAULT_OLLAMA_URL = URI.create("http://localhost:11434");

    @Option(names = "--teacher-url", paramLabel = "URL",
            description = "Base URL of the teacher, e.g. http://localhost:11434 (Ollama) or "
                    + "http://localhost:8000/v1 (OpenAI-compatible). Default: http://localhost:8000/v1 with "
                    + "--teacher-api openai, http://localhost:11434 with ollama")
    public String teacherUrl;

    @Option(names = "--teacher-api", paramLabel = "openai|ollama", defaultValue = "openai",
            description = "Wire format: openai (/v1/chat/completions) or ollama (/api/chat). Default: ${DEFAULT-VALUE}")
    public TeacherApi teacherApi;

    @Option(names = "--model", paramLabel = "NAME", description = "Teacher model name, e.g. llama3.1:8b")
    public String model;

    @Option(names = "--api-key-env", paramLabel = "NAME", defaultValue = "OPENAI_API_KEY",
            description = "Environment variable holding the API key (none needed for local servers). "
                    + "Default: ${DEFAULT-VALUE}")
    public String apiKeyEnv;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Teacher requests in flight at once. Default: ${DEFAULT-VALUE}")
    public int concurrency;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "120s",
            converter = DurationConverter.class,
            description = "Per-request timeout, e.g. 90s. Default: ${DEFAULT-VALUE}")
    public Duration timeout;

    @Option(names = "--target", paramLabel = "N",
            description = "Number of accepted examples wanted in examples.jsonl.")
    public Integer target;

    @Option(names = "--random-seed", paramLabel = "N", defaultValue = "42",
            description = "Seed for in-context sampling and operation draws. Default: ${DEFAULT-VALUE}")
    public long randomSeed;

    @Option(names = "--prompts", paramLabel = "DIR",
            description = "Directory of prompt templates overriding the shipped ones (same file names).")
    public Path promptsDir;

    @Option(names = "--max-rpm", paramLabel = "N", defaultValue = "0",
            description = "Requests per minute limit for hosted APIs; 0 for none. Default: ${DEFAULT-VALUE}")
    public int maxRpm;

    @Option(names = "--max-tpm", paramLabel = "N", defaultValue = "0",
            description = "Tokens per minute limit for hosted APIs; 0 for none. Default: ${DEFAULT-VALUE}")
    public int maxTpm;

    @Option(names = "--patience", paramLabel = "DURATION", defaultValue = "10m",
            converter = DurationConverter.class,
            description = "How long the teacher may stay unreachable before the run stops, resumable. "
                    + "Default: ${DEFAULT-VALUE}")
    public Duration patience;

    @Option(names = "--max-cost", paramLabel = "USD",
            description = "Stop (resumable) once the estimated cost reaches this many US dollars.")
    public Double maxCost;

    @Option(names = "--max-tokens", paramLabel = "N",
            description = "Stop (resumable) once this many tokens (prompt + completion) were used.")
    public Long maxTokens;

    @Option(names = "--require-commercial",
            description = "Refuse to start when any seed or teacher terms forbid commercial use or are unknown.")
    public boolean requireCommercial;

    @Option(names = "--dry-run",
            description = "Print the expected requests, tokens and cost for the target, then exit.")
    public boolean dryRun;

    @Option(names = "--progress-interval", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Interval of the progress line when the output is not a terminal. "
                    + "Default: ${DEFAULT-VALUE}")
    Duration progressInterval;

    @Option(names = "--reasoning", paramLabel = "off|on|auto", defaultValue = "auto",
            description = "Models that think first (Qwen3, DeepSeek-R1, gpt-oss): off sends the server's switch "
                    + "that turns thinking off; on and auto give short stages room to think and send a reply cut "
                    + "off while thinking once more (auto once a reply shows thinking). Default: ${DEFAULT-VALUE}")
    public ReasoningMode reasoning;

    @Option(names = "--structured", paramLabel = "auto|on|off", defaultValue = "auto",
            description = "Ask for JSON of a fixed schema where a stage's reply has a fixed shape (response_format,"
                    + " Ollama format); auto: on servers known to support it; a server that refuses it is asked "
                    + "for text for the rest of the run. Default: ${DEFAULT-VALUE}")
    public StructuredMode structured;

    @Option(names = "--log-requests",
            description = "Append each request and reply (never the key) to requests.jsonl in the run directory.")
    public boolean logRequests;

    @Option(names = "--verbose", description = "More logging; stack traces on errors.")
    public boolean verbose;

    /** --batch and its settings (OpenAI Batch API). */
    @picocli.CommandLine.Mixin
    public BatchOptions batch = new BatchOptions();

    /** The teacher part of these options, validated. */
    /** The progress interval, checked. */
    public Duration progressInterval() {
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new BadInputException("--progress-interval must be positive, was " + progressInterval);
        }
        return progressInterval;
    }

    public TeacherSettings teacherSettings() {
        URI url = teacherUrl != null ? TeacherUrl.parse(teacherUrl)
                : teacherApi == TeacherApi.OLLAMA ? DEFAULT_OLLAMA_URL : DEFAULT_OPENAI_URL;
        return new TeacherSettings(teacherApi, url, model, apiKeyEnv, concurrency, timeout, maxRpm, maxTpm,
                patience, reasoning == null ? ReasoningMode.AUTO : reasoning,
                structured == null ? StructuredMode.AUTO : structured, logRequests);
    }
}
