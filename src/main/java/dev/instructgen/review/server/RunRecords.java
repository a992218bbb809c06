package dev.instructgen.review.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.review.ReviewDecision;
import dev.instructgen.review.WholeLines;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of a run as the review page shows them, kept in step with a run that may still be writing:
 * each {@link #refresh()} reads only the whole lines appended since the last one. Lines are kept as JSON
 * trees, so a record of any schema version is shown rather than refused.
 */
final class RunRecords {

    private final Journal examples;
    private final Journal rejected;

    RunRecords(Path runDir) {
        this.examples = new Journal(runDir.resolve("examples.jsonl"), ReviewDecision.EXAMPLE);
        this.rejected = new Journal(runDir.resolve("rejected.jsonl"), ReviewDecision.REJECTED);
    }

    synchronized void refresh() {
        examples.refresh();
        rejected.refresh();
    }

    synchronized List<ObjectNode> list(String record) {
        return List.copyOf(journal(record).records);
    }

    synchronized ObjectNode find(String record, String id) {
        Journal journal = journal(record);
        Integer at = journal.byId.get(id);
        return at == null ? null : journal.records.get(at);
    }

    private Journal journal(String record) {
        return ReviewDecision.REJECTED.equals(record) ? rejected : examples;
    }

    /** One JSONL journal read incrementally; the first line with an id wins, as on resume. */
    private static final class Journal {
        private final Path file;
        private final String record;
        private final List<ObjectNode> records = new ArrayList<>();
        private final Map<String, Integer> byId = new HashMap<>();
        private long offset;

        Journal(Path file, String record) {
            this.file = file;
            this.record = record;
        }

        void refresh() {
            long end = WholeLines.read(file, offset, this::add);
            if (end < 0) {
                records.clear();
                byId.clear();
                offset = 0;
                end = WholeLines.read(file, 0, this::add);
            }
            offset = end;
        }

        private void add(String line) {
            JsonNode node;
            try {
                node = JsonCodec.mapper().readTree(line);
            } catch (Exception e) {
                return; // garbage left by a power loss: the run's own reader reports it
            }
            if (!(node instanceof ObjectNode object)) {
                return;
            }
            String id = object.path("id").asText("");
            if (id.isEmpty()) {
                id = record + "-line-" + (records.size() + 1);
                object.put("id", id);
            }
            if (byId.putIfAbsent(id, records.size()) == null) {
                records.add(object);
            }
        }
    }
}
