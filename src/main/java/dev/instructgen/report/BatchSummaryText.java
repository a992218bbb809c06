package dev.instructgen.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code batches} section of stats.json (batch mode, {@code --batch}) in words: for the {@code stats} command
 * ("6 batches: 5 completed, 1 abandoned; 142 requests answered, 3 failed (expired 2, server_error 1)") and for the
 * progress line ("batches 2 in flight, 4 done").
 */
public final class BatchSummaryText {

    private BatchSummaryText() {
    }

    /** The stats line, when the run has batches. */
    public static Optional<String> line(Map<String, Object> sections) {
        JsonNode batches = section(sections);
        if (batches == null) {
            return Optional.empty();
        }
        List<String> states = new ArrayList<>();
        batches.path("by_state").fields().forEachRemaining(e -> states.add(e.getValue().asLong() + " " + e.getKey()));
        JsonNode requests = batches.path("requests");
        StringBuilder line = new StringBuilder().append(batches.path("total").asLong()).append(" batches: ")
                .append(String.join(", ", states)).append("; ").append(requests.path("answered").asLong())
                .append(" requests answered, ").append(requests.path("failed").asLong()).append(" failed");
        List<String> kinds = new ArrayList<>();
        batches.path("failed_by_kind").fields().forEachRemaining(e -> kinds.add(e.getKey() + " " + e.getValue()));
        if (!kinds.isEmpty()) {
            line.append(" (").append(String.join(", ", kinds)).append(')');
        }
        long unclaimed = batches.path("unclaimed_answers").asLong(0);
        if (unclaimed > 0) {
            line.append("; ").append(unclaimed).append(" answers kept but not asked for again");
        }
        return Optional.of(line.toString());
    }

    /** The progress line's figure, when the run has batches. */
    public static Optional<String> progress(Map<String, Object> sections) {
        JsonNode batches = section(sections);
        if (batches == null) {
            return Optional.empty();
        }
        long inFlight = batches.path("in_flight").asLong();
        long done = 0;
        for (String end : List.of("completed", "expired", "failed", "cancelled")) {
            done += batches.path("by_state").path(end).asLong(0);
        }
        return Optional.of("batches " + inFlight + " in flight, " + done + " done");
    }

    private static JsonNode section(Map<String, Object> sections) {
        Object section = sections == null ? null : sections.get("batches");
        if (section == null) {
            return null;
        }
        JsonNode node = JsonCodec.mapper().valueToTree(section);
        return node.isObject() ? node : null;
    }
}
