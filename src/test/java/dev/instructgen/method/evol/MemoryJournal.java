package dev.instructgen.method.evol;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.pipeline.JournalOpener;
import dev.instructgen.pipeline.RunJournal;
import dev.instructgen.storage.StatsFile;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** A run journal in memory that also keeps checkpoints, reopenable as a resumed run. */
final class MemoryJournal implements RunJournal {

    final List<Example> examples = Collections.synchronizedList(new ArrayList<>());
    final List<Rejection> rejected = Collections.synchronizedList(new ArrayList<>());
    final List<StatsFile> stats = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Object> checkpoints = new ConcurrentHashMap<>();

    @Override
    public void appendExample(Example example) {
        examples.add(example);
    }

    @Override
    public void appendRejection(Rejection rejection) {
        rejected.add(rejection);
    }

    @Override
    public void writeStats(StatsFile snapshot) {
        stats.add(snapshot);
    }

    @Override
    public void writeText(String name, String content) {
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public List<Rejection> restoredRejections() {
        return List.copyOf(rejected);
    }

    @Override
    public void writeCheckpoint(String name, Object state) {
        checkpoints.put(name, state);
    }

    @Override
    public <T> Optional<T> readCheckpoint(String name, Class<T> type) {
        return Optional.ofNullable(checkpoints.get(name)).map(type::cast);
    }

    StatsFile lastStats() {
        return stats.get(stats.size() - 1);
    }

    /** Opens this journal: fresh when empty, else as a resumed run with what is already in it. */
    JournalOpener opener() {
        return (spec, runId, startedAt) -> {
            boolean resumed = !examples.isEmpty() || !rejected.isEmpty();
            Map<String, Long> counts = new TreeMap<>();
            rejected.forEach(r -> counts.merge(r.reason().code(), 1L, Long::sum));
            return new Opened(this, resumed ? "run-1" : runId, resumed, new ArrayList<>(examples), counts, null);
        };
    }
}
