package dev.instructgen.pipeline;

import dev.instructgen.teacher.RequestLog;

import dev.instructgen.storage.StatsFile;
import dev.instructgen.storage.UsageEvent;
import dev.instructgen.storage.UsageTotals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Rejection;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a run's results go: the run directory in production, memory in tests. Implementations append whole
 * lines and are thread-safe.
 */
public interface RunJournal extends AutoCloseable {

    void appendExample(Example example);

    void appendRejection(Rejection rejection);

    /** Rewrites stats.json (atomically in the run directory). */
    void writeStats(StatsFile snapshot);

    /** Writes a whole text file of the run directory, e.g. DATASET_CARD.md. */
    void writeText(String name, String content);

    void flush();

    /**
     * Replaces the checkpoint {@code name} (atomically in the run directory), e.g. Evol-Instruct's chain state.
     * The default keeps nothing: a method must then be able to resume from the journals alone.
     */
    default void writeCheckpoint(String name, Object state) {
    }

    /**
     * The rejected candidates an earlier session of this run wrote, in order (read on demand: a method that
     * rebuilds its state from rejections, e.g. Evol-Instruct's eliminated rounds). The default has none.
     */
    default List<Rejection> restoredRejections() {
        return List.of();
    }

    /** The checkpoint last written under {@code name}, if this journal keeps checkpoints. */
    default <T> Optional<T> readCheckpoint(String name, Class<T> type) {
        return Optional.empty();
    }

    /**
     * Journals one usage event (a request sent or ended, candidates proposed, an example accepted), so that the
     * counters survive a crash. The default keeps nothing: a resume then counts from the last stats.json.
     */
    default void appendUsage(UsageEvent event) {
    }

    /** The earlier sessions' counters rebuilt from the usage journal, if this journal keeps one. */
    default Optional<UsageTotals> restoredUsage() {
        return Optional.empty();
    }

    /**
     * Where {@code --log-requests} writes each request and reply (requests.jsonl in a run directory), opened on
     * the first call; nowhere by default.
     */
    default RequestLog requestLog() {
        return RequestLog.NONE;
    }

    /** What opening found that the user should know (counters lost, a stats.json unreadable); none by default. */
    default List<String> openingNotes() {
        return List.of();
    }

    @Override
    void close();

    /**
     * A journal just opened, with what an earlier session of the same run left behind.
     *
     * @param runId              the run's id (the earlier one when resumed)
     * @param restoredExamples   accepted examples already on disk, in order
     * @param restoredRejections rejection counts per reason already on disk
     * @param previousStats      the last stats.json, or null
     */
    record Opened(RunJournal journal, String runId, boolean resumed, List<Example> restoredExamples,
                  Map<String, Long> restoredRejections, JsonNode previousStats) {

        public Opened {
            restoredExamples = List.copyOf(restoredExamples);
            restoredRejections = Map.copyOf(restoredRejections);
        }
    }
}
