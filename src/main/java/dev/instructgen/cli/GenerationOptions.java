package dev.instructgen.cli;

import dev.instructgen.config.ConfigFile;
import dev.instructgen.config.TeachersSection;
import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.PoolEndpoint;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.ReasoningMode;
import dev.instructgen.teacher.StructuredMode;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherUrl;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Options shared by the generating commands (self-instruct, evol-instruct); PRODUCT.md, "Commands". */
public final class GenerationOptions {

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Run directory. An existing run with the same settings resumes.")
    public Path out;

    /** Where each wire format's usual local server listens: vLLM's default port, and Ollama's. */
    static final URI DEFAULT_OPENAI_URL = URI.create("http://localhost:8000/v1");
    static final URI DEFAULT_OLLAMA_URL = URI.create("http://localhost:11434");

    @Option(names = "--teacher-url", paramLabel = "URL", split = ",",
            description = "Base URL of the teacher, e.g. http://localhost:11434 (Ollama) or "
                    + "http://localhost:8000/v1 (OpenAI-compatible). Give it several times for a pool of "
                    + "replicas of one model. Default: http://localhost:8000/v1 with "
                    + "--teacher-api openai, http://localhost:11434 with ollama")
    public List<String> teacherUrl;

    @Option(names = "--allow-mixed-models",
            description = "Let a pool of endpoints serve different models (each example names the model that "
                    + "answered).")
    public boolean allowMixedModels;

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

    /**
     * The teacher settings, with the config file's {@code teachers:} list as the pool when it has one and the
     * command line gives no {@code --teacher-url} (the command line wins over the file).
     */
    public TeacherSettings teacherSettings(ConfigFile config) {
        var section = config.section(TeachersSection.KEY);
        if (section.isEmpty()) {
            return teacherSettings();
        }
        // every entry may name its model, so --model is needed only for those that do not
        TeacherSettings one = single(model != null ? model : section.get().path(0).path("model").asText(null),
                teacherApi == TeacherApi.OLLAMA ? DEFAULT_OLLAMA_URL : DEFAULT_OPENAI_URL);
        if (config.option("teacher-url").isPresent()) {
            throw new BadInputException(config.path() + ":" + config.option("teacher-url").get().line()
                    + ": 'teacher-url' and a 'teachers' list in one file: keep one of them");
        }
        if (teacherUrl != null && !teacherUrl.isEmpty()) {
            return one;
        }
        return pool(one, TeachersSection.endpoints(section.get(), one, String.valueOf(config.path())));
    }

    /** The teacher settings from the command line alone (several --teacher-url: a pool). */
    public TeacherSettings teacherSettings() {
        List<URI> urls = teacherUrl == null || teacherUrl.isEmpty()
                ? List.of(teacherApi == TeacherApi.OLLAMA ? DEFAULT_OLLAMA_URL : DEFAULT_OPENAI_URL)
                : teacherUrl.stream().map(TeacherUrl::parse).toList();
        TeacherSettings one = single(model, urls.get(0));
        return urls.size() < 2 ? one
                : pool(one, urls.stream().map(url -> new PoolEndpoint(url, 1, 0, teacherApi, model)).toList());
    }

    private TeacherSettings single(String modelName, URI url) {
        return new TeacherSettings(teacherApi, url, modelName, apiKeyEnv, concurrency, timeout, maxRpm, maxTpm,
                patience, reasoning == null ? ReasoningMode.AUTO : reasoning,
                structured == null ? StructuredMode.AUTO : structured, logRequests);
    }

    /**
     * {@code one} over {@code endpoints}; refuses an endpoint listed twice, and a pool whose endpoints serve
     * different models unless --allow-mixed-models.
     */
    private TeacherSettings pool(TeacherSettings one, List<PoolEndpoint> endpoints) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> models = new LinkedHashSet<>();
        for (PoolEndpoint e : endpoints) {
            if (!names.add(e.name())) {
                throw new BadInputException("the pool lists the endpoint " + e.name() + " twice; give each replica "
                        + "once (a 'weight' in the config's teachers: list sends it more of the work)");
            }
            models.add(e.model());
        }
        if (models.size() > 1 && !allowMixedModels) {
            throw new BadInputException("the pool's endpoints serve different models (" + String.join(", ", models)
                    + "): a pool is replicas of one model; give --allow-mixed-models to mix them anyway");
        }
        return one.withPool(endpoints);
    }
}
