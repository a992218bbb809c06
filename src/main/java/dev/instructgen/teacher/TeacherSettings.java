package dev.instructgen.teacher;

import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherIdentity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to reach the teacher. The API key itself is not here: only the name of the environment
 * variable holding it, so this record can be logged and written to the manifest safely.
 *
 * @param maxRpm   requests per minute limit, 0 for none
 * @param maxTpm   tokens per minute limit, 0 for none
 * @param patience how long the teacher may stay unreachable before the run stops resumable (exit 3)
 * @param reasoning   {@code --reasoning}: the thinking switch and the room given to models that reason
 * @param structured  {@code --structured}: JSON-schema replies for the stages that declare a shape
 * @param logRequests {@code --log-requests}: every request and reply into requests.jsonl
 * @param pool        the replicas of a pool of endpoints (docs/teacher.md, "A pool of endpoints"); empty for one
 *                    endpoint. With a pool, {@code api}, {@code baseUrl} and {@code model} are the first
 *                    endpoint's: the identity the manifest records
 */
public record TeacherSettings(TeacherApi api, URI baseUrl, String model, String apiKeyEnv, int concurrency,
                              Duration timeout, int maxRpm, int maxTpm, Duration patience,
                              ReasoningMode reasoning, StructuredMode structured, boolean logRequests,
                              List<PoolEndpoint> pool) {

    /** One endpoint, no pool. */
    public TeacherSettings(TeacherApi api, URI baseUrl, String model, String apiKeyEnv, int concurrency,
                           Duration timeout, int maxRpm, int maxTpm, Duration patience,
                           ReasoningMode reasoning, StructuredMode structured, boolean logRequests) {
        this(api, baseUrl, model, apiKeyEnv, concurrency, timeout, maxRpm, maxTpm, patience, reasoning, structured,
                logRequests, List.of());
    }

    /** Settings with the defaults {@code --reasoning auto}, {@code --structured auto}, no request log. */
    public TeacherSettings(TeacherApi api, URI baseUrl, String model, String apiKeyEnv, int concurrency,
                           Duration timeout, int maxRpm, int maxTpm, Duration patience) {
        this(api, baseUrl, model, apiKeyEnv, concurrency, timeout, maxRpm, maxTpm, patience, ReasoningMode.AUTO,
                StructuredMode.AUTO, false);
    }

    public TeacherSettings {
        pool = pool == null ? List.of() : List.copyOf(pool);
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(baseUrl, "baseUrl");
        TeacherUrl.check(baseUrl);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(patience, "patience");
        Objects.requireNonNull(reasoning, "reasoning");
        Objects.requireNonNull(structured, "structured");
        if (model == null || model.isBlank()) {
            throw new BadInputException("--model is required: the teacher model name, e.g. llama3.1:8b");
        }
        if (concurrency < 1) {
            throw new BadInputException("--concurrency must be at least 1, was " + concurrency);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new BadInputException("--timeout must be positive, was " + timeout);
        }
        if (maxRpm < 0 || maxTpm < 0) {
            throw new BadInputException("--max-rpm and --max-tpm cannot be negative");
        }
    }

    /** Whether requests are spread over several endpoints. */
    public boolean isPool() {
        return pool.size() > 1;
    }

    /**
     * These settings over {@code endpoints}, the first of which names the teacher; fewer than two is no pool.
     */
    public TeacherSettings withPool(List<PoolEndpoint> endpoints) {
        if (endpoints.isEmpty()) {
            return this;
        }
        PoolEndpoint first = endpoints.get(0);
        return new TeacherSettings(first.api(), first.url(), first.model(), apiKeyEnv, concurrency, timeout, maxRpm,
                maxTpm, patience, reasoning, structured, logRequests, endpoints.size() < 2 ? List.of() : endpoints);
    }

    /**
     * The settings of one endpoint of the pool: its wire format, URL and model, and its own concurrency ceiling
     * (the pool's {@code --concurrency} when it names none). Rate limits stay with the pool as a whole.
     */
    public TeacherSettings forEndpoint(PoolEndpoint endpoint) {
        int ceiling = endpoint.maxConcurrency() > 0 ? endpoint.maxConcurrency() : concurrency;
        return new TeacherSettings(endpoint.api(), endpoint.url(), endpoint.model(), apiKeyEnv, ceiling, timeout,
                0, 0, patience, reasoning, structured, logRequests, List.of());
    }

    /** Who the teacher is, for provenance and the manifest. */
    public TeacherIdentity identity() {
        return new TeacherIdentity(api, model, host());
    }

    /** host[:port] of the base URL: what provenance records, never credentials or paths. */
    public String host() {
        return baseUrl.getPort() < 0 ? baseUrl.getHost() : baseUrl.getHost() + ":" + baseUrl.getPort();
    }
}
