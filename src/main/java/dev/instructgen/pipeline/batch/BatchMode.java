package dev.instructgen.pipeline.batch;

import dev.instructgen.pipeline.CostModel;
import dev.instructgen.pipeline.RunAssembly;
import dev.instructgen.pipeline.RunStats;
import dev.instructgen.pipeline.TeacherFactory;
import dev.instructgen.teacher.RequestLog;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.pricing.Price;
import dev.instructgen.teacher.resilience.CancellableSleeper;
import dev.instructgen.teacher.resilience.Sleeper;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Turns a run's parts into batch mode: the run's teacher becomes a {@link BatchingTeacherClient} over the OpenAI
 * Batch API at the teacher's base URL, journalling into the run directory; the synchronous teacher stack stays for
 * the check before the run, for {@code --batch-fallback} and for a second teacher (a judge at another endpoint),
 * which asks synchronously. The counters price batch answers at the batch rate.
 */
public final class BatchMode {

    private BatchMode() {
    }

    /**
     * @param runDir          the run directory (batches.jsonl and batches/ go there)
     * @param synchronousTeacher the settings the synchronous stack is built with (the user's concurrency)
     * @param sleeper         how the courier waits between polls (real time in production)
     */
    public static RunAssembly.Parts wrap(RunAssembly.Parts parts, BatchSettings settings, Path runDir,
                                         Function<String, String> env, Price synchronous, Price batch,
                                         TeacherSettings synchronousTeacher, Sleeper sleeper) {
        BatchPricing pricing = new BatchPricing(synchronous, batch);
        TeacherFactory delegate = parts.teachers();
        AtomicBoolean runTeacherBuilt = new AtomicBoolean();
        TeacherFactory batching = new TeacherFactory() {
            @Override
            public TeacherClient build(TeacherSettings teacher, TeacherMetrics metrics) {
                return build(teacher, metrics, RequestLog.NONE);
            }

            @Override
            public TeacherClient build(TeacherSettings teacher, TeacherMetrics metrics, RequestLog requests) {
                if (runTeacherBuilt.getAndSet(true)) {
                    return delegate.build(teacher, metrics, requests); // a judge or answer model: synchronous
                }
                TeacherClient fallback = settings.fallback()
                        ? delegate.build(synchronousTeacher, metrics, requests) : null;
                String key = teacher.apiKeyEnv() == null ? null : env.apply(teacher.apiKeyEnv());
                BatchApi api = new OpenAiBatchApi(teacher.baseUrl(), key == null || key.isBlank() ? null
                        : key.trim(), teacher.timeout());
                BatchingTeacherClient client = new BatchingTeacherClient(teacher.identity(), settings,
                        BatchJournal.open(runDir), api, metrics, fallback, parts.clock(),
                        new CancellableSleeper(sleeper), teacher.patience(), pricing);
                if (metrics instanceof RunStats stats) {
                    stats.addSection("batches", client::summary);
                }
                return client;
            }

            @Override
            public void check(TeacherSettings teacher) {
                delegate.check(teacher);
            }
        };
        return new RunAssembly.Parts(batching, parts.journals(),
                identity -> synchronous.isKnown() ? pricing : CostModel.FREE, parts.licenses(), parts.clock(),
                parts.warnings());
    }
}
