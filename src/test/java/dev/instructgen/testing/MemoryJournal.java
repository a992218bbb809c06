package dev.instructgen.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.pipeline.JournalOpener;
import dev.instructgen.pipeline.RunJournal;
import dev.instructgen.storage.StatsFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one run journal in memory: examples, rejections, stats snapshots, texts and checkpoints. Opened fresh,
 * as a resumed run with a given earlier state, or reopened with what an earlier session left in it.
 */
public final class MemoryJournal implements RunJournal {

    public final List<Example> examples = Collections.synchronizedList(new ArrayList<>());
    public final List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());
    public final List<StatsFile> stats = Collections.synchronizedList(new ArrayList<>());
    public final Map<String, String> texts = Collections.synchronizedMap(new HashMap<>());
    public final Map<String, Object> checkpoints = new ConcurrentHashMap<>();
    public volatile boolean closed;
    private volatile List<Rejection> restoredRejections = List.of();

    @Override
    public void appendExample(Example example) {
        if (closed) {
            throw new IllegalStateException("journal closed");
        }
        examples.add(example);
    }

    @Override
    public void appendRejection(Rejection rejection) {
        if (closed) {
            throw new IllegalStateException("journal closed");
        }
        rejections.add(rejection);
    }

    @Override
    public void writeStats(StatsFile snapshot) {
        stats.add(snapshot);
    }

    @Override
    public void writeText(String name, String content) {
        texts.put(name, content);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public List<Rejection> restoredRejections() {
        return restoredRejections;
    }

    @Override
    public void writeCheckpoint(String name, Object state) {
        checkpoints.put(name, state);
    }

    @Override
    public <T> Optional<T> readCheckpoint(String name, Class<T> type) {
        return Optional.ofNullable(checkpoints.get(name)).map(type::cast);
    }

    public StatsFile lastStats() {
        return stats.get(stats.size() - 1);
    }

    /** An opener returning this journal as a fresh run. */
    public JournalOpener fresh() {
        return (spec, runId, startedAt) -> open(new Opened(this, runId, false, List.of(), Map.of(), null));
    }

    /** An opener returning this journal as a resumed run with the given earlier state. */
    public JournalOpener resumed(String runId, List<Example> earlier, Map<String, Long> rejected, JsonNode stats) {
        examples.addAll(earlier);
        return (spec, freshId, startedAt) -> open(new Opened(this, runId, true, earlier, rejected, stats));
    }

    /** An opener that finds what is already in this journal: fresh when empty, else a resumed run "run-1". */
    public JournalOpener reopened() {
        return (spec, runId, startedAt) -> {
            boolean resumed = !examples.isEmpty() || !rejections.isEmpty();
            Map<String, Long> counts = new TreeMap<>();
            rejections.forEach(r -> counts.merge(r.reason().code(), 1L, Long::sum));
            return open(new Opened(this, resumed ? "run-1" : runId, resumed, new ArrayList<>(examples), counts,
                    null));
        };
    }

    private Opened open(Opened opened) {
        closed = false;
        restoredRejections = List.copyOf(rejections);
        return opened;
    }
}
