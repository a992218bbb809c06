package dev.instructgen.pipeline;

import dev.instructgen.storage.StatsFile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Rejection;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A run journal in memory, optionally pre-filled as if an earlier session had run. */
public final class MemoryJournal implements RunJournal {

    public final List<Example> examples = Collections.synchronizedList(new ArrayList<>());
    public final List<Rejection> rejections = Collections.synchronizedList(new ArrayList<>());
    public final List<StatsFile> stats = Collections.synchronizedList(new ArrayList<>());
    public final Map<String, String> texts = Collections.synchronizedMap(new HashMap<>());
    public volatile boolean closed;

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

    public StatsFile lastStats() {
        return stats.get(stats.size() - 1);
    }

    /** An opener returning this journal as a fresh run. */
    public JournalOpener fresh() {
        return (spec, runId, startedAt) -> new Opened(this, runId, false, List.of(), Map.of(), null);
    }

    /** An opener returning this journal as a resumed run with the given earlier state. */
    public JournalOpener resumed(String runId, List<Example> earlier, Map<String, Long> rejected, JsonNode stats) {
        examples.addAll(earlier);
        return (spec, freshId, startedAt) -> new Opened(this, runId, true, earlier, rejected, stats);
    }
}
