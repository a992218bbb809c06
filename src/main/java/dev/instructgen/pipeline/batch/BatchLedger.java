package dev.instructgen.pipeline.batch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What batches.jsonl says, folded: every batch of the run (all sessions) with its files, server state and
 * requests, and the counts stats.json shows in its {@code batches} section. Thread-safe.
 */
final class BatchLedger {

    /** One batch as far as the journal knows it. */
    static final class Batch {
        final String name;
        List<BatchEvent.Item> items = List.of();
        String lastEvent;
        String fileId;
        String batchId;
        BatchState state;
        String outputFileId;
        String errorFileId;
        BatchEvent.Counts counts;

        Batch(String name) {
            this.name = name;
        }

        boolean collected() {
            return BatchEvent.COLLECTED.equals(lastEvent);
        }

        boolean abandoned() {
            return BatchEvent.ABANDONED.equals(lastEvent);
        }

        /** Whether the server has (or may have) this batch: created, or killed while being created. */
        boolean onServer() {
            return batchId != null || BatchEvent.SUBMITTING.equals(lastEvent);
        }

        /** The state stats.json counts it under. */
        String shownState() {
            if (abandoned()) {
                return "abandoned";
            }
            return state == null ? "preparing" : state.key();
        }
    }

    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private final Map<String, Long> failures = new TreeMap<>();
    private long answered;

    synchronized void apply(BatchEvent e) {
        Batch b = batches.computeIfAbsent(e.batch(), Batch::new);
        b.lastEvent = e.event();
        if (e.items() != null) {
            b.items = e.items();
        }
        if (e.fileId() != null) {
            b.fileId = e.fileId();
        }
        if (e.batchId() != null) {
            b.batchId = e.batchId();
        }
        if (e.state() != null) {
            b.state = BatchState.of(e.state());
        }
        if (e.outputFileId() != null) {
            b.outputFileId = e.outputFileId();
        }
        if (e.errorFileId() != null) {
            b.errorFileId = e.errorFileId();
        }
        if (e.counts() != null) {
            b.counts = e.counts();
        }
        if (e.event().equals(BatchEvent.COLLECTED)) {
            answered += e.counts() == null ? 0 : e.counts().completed();
            if (e.failures() != null) {
                e.failures().forEach((kind, n) -> failures.merge(kind, n, Long::sum));
            }
        }
    }

    synchronized Batch get(String name) {
        return batches.get(name);
    }

    synchronized List<Batch> all() {
        return new ArrayList<>(batches.values());
    }

    /** Our name of the next batch: "b0001", "b0002", ... across sessions. */
    synchronized String nextName() {
        return String.format("b%04d", batches.size() + 1);
    }

    /** Batches not yet collected that the server has; a restarted process carries them on. */
    synchronized List<Batch> unfinished() {
        return batches.values().stream().filter(b -> !b.collected() && !b.abandoned() && b.onServer()).toList();
    }

    /** Batches never created on the server and not yet marked so. */
    synchronized List<Batch> neverSubmitted() {
        return batches.values().stream().filter(b -> !b.collected() && !b.abandoned() && !b.onServer()).toList();
    }

    /** Batches with requests in flight on the server right now (for the progress line). */
    synchronized long inFlight() {
        return batches.values().stream().filter(b -> !b.collected() && !b.abandoned() && b.batchId != null).count();
    }

    /** The {@code batches} section of stats.json. */
    synchronized Map<String, Object> summary() {
        Map<String, Long> byState = new TreeMap<>();
        long submitted = 0;
        for (Batch b : batches.values()) {
            byState.merge(b.shownState(), 1L, Long::sum);
            if (b.batchId != null) {
                submitted += b.items.size();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", (long) batches.size());
        out.put("in_flight", inFlight());
        out.put("by_state", byState);
        Map<String, Object> requests = new LinkedHashMap<>();
        requests.put("submitted", submitted);
        requests.put("answered", answered);
        requests.put("failed", failures.values().stream().mapToLong(Long::longValue).sum());
        out.put("requests", requests);
        out.put("failed_by_kind", new TreeMap<>(failures));
        return out;
    }
}
