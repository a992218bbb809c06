package dev.instructgen.cli;

import dev.instructgen.error.BadInputException;
import dev.instructgen.pipeline.RunAssembly;
import dev.instructgen.pipeline.batch.BatchMode;
import dev.instructgen.pipeline.batch.BatchSettings;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.pricing.Price;
import dev.instructgen.teacher.resilience.Sleeper;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

/** {@code --batch} and its settings, shared by the generating commands (docs/teacher.md, "Batch mode"). */
public final class BatchOptions {

    @Option(names = "--batch",
            description = "Send the teacher requests through the OpenAI Batch API (/v1/files, /v1/batches): half "
                    + "the price on OpenAI, answers within 24h; each stage's requests become one batch round.")
    public boolean batch;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "500",
            description = "Requests per batch at most (1 to 50000). Default: ${DEFAULT-VALUE}")
    public int batchSize;

    @Option(names = "--batch-wait", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "Send a batch that is not full once no new request came for this long. "
                    + "Default: ${DEFAULT-VALUE}")
    public Duration batchWait;

    @Option(names = "--batch-poll", paramLabel = "DURATION", defaultValue = "60s",
            converter = DurationConverter.class,
            description = "Longest wait between two looks at a batch (the waits start short and double). "
                    + "Default: ${DEFAULT-VALUE}")
    public Duration batchPoll;

    @Option(names = "--batch-attempts", paramLabel = "N", defaultValue = "3",
            description = "Batches one request may go in before it counts as failed (failed and expired lines "
                    + "are sent again in a later batch). Default: ${DEFAULT-VALUE}")
    public int batchAttempts;

    @Option(names = "--batch-fallback",
            description = "Send failed and expired lines synchronously (at the synchronous price) instead of in a "
                    + "later batch.")
    public boolean batchFallback;

    /** The first wait before polling a new batch: short, so small batches on fast servers come back soon. */
    private static final Duration FIRST_POLL = Duration.ofSeconds(1);

    /** The settings, checked against the teacher; null without {@code --batch}. */
    BatchSettings settings(TeacherSettings teacher) {
        boolean tuned = batchSize != 500 || batchFallback || batchAttempts != 3;
        if (!batch) {
            if (tuned) {
                throw new BadInputException("--batch-size, --batch-attempts and --batch-fallback need --batch");
            }
            return null;
        }
        if (teacher.api() != TeacherApi.OPENAI) {
            throw new BadInputException("--batch needs --teacher-api openai: the Batch API (/v1/files, "
                    + "/v1/batches) is OpenAI's; --teacher-api " + teacher.api().name().toLowerCase(java.util.Locale.ROOT)
                    + " has no batch endpoint");
        }
        if (!teacher.pool().isEmpty()) {
            throw new BadInputException("--batch takes one --teacher-url: a batch is submitted to one Batch API, "
                    + "not spread over a pool of " + teacher.pool().size() + " endpoints");
        }
        return new BatchSettings(batchSize, batchWait, FIRST_POLL.compareTo(batchPoll) > 0 ? batchPoll : FIRST_POLL,
                batchPoll, batchFallback, batchAttempts);
    }

    /**
     * The teacher settings the run uses: in batch mode its concurrency is raised to the batch size, so a whole
     * stage's ready requests wait at once and fill a batch.
     */
    static TeacherSettings forRun(TeacherSettings teacher, BatchSettings settings) {
        if (settings == null || teacher.concurrency() >= settings.size()) {
            return teacher;
        }
        return new TeacherSettings(teacher.api(), teacher.baseUrl(), teacher.model(), teacher.apiKeyEnv(),
                settings.size(), teacher.timeout(), teacher.maxRpm(), teacher.maxTpm(), teacher.patience(),
                teacher.reasoning(), teacher.structured(), teacher.logRequests(), teacher.pool());
    }

    /** The production parts, in batch mode when {@code settings} is not null. */
    static RunAssembly.Parts parts(RunAssembly.Parts parts, BatchSettings settings, Path out,
                                   Function<String, String> env, Price synchronous, Price batch,
                                   TeacherSettings synchronousTeacher) {
        return settings == null ? parts
                : BatchMode.wrap(parts, settings, out, env, synchronous, batch, synchronousTeacher, Sleeper.system());
    }
}
