package dev.instructgen.report;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the {@code endpoints} section of a pooled run's stats.json: one line per endpoint with its state,
 * share of the answers, requests, failures by kind and latency percentiles (docs/teacher.md, "A pool of
 * endpoints").
 */
final class EndpointsSummaryText {

    private EndpointsSummaryText() {
    }

    static List<String> render(JsonNode endpoints) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-11s %d in the pool", "endpoints", endpoints.size()));
        for (Map.Entry<String, JsonNode> entry : endpoints.properties()) {
            JsonNode e = entry.getValue();
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "  %s (%s, %s): %.1f%% of answers, %,d requests, %,d answered", entry.getKey(),
                    e.path("model").asText("?"), e.path("state").asText("?"), 100 * e.path("share").asDouble(),
                    e.path("requests").asLong(), e.path("answered").asLong()));
            List<String> failures = new ArrayList<>();
            e.path("failures").properties().forEach(f -> failures.add(f.getKey() + " " + f.getValue().asLong()));
            if (!failures.isEmpty()) {
                line.append(", failed: ").append(String.join(", ", failures));
            }
            if (e.path("latency_p50_ms").isNumber()) {
                line.append(String.format(Locale.ROOT, ", latency p50 %.0f ms, p95 %.0f ms, p99 %.0f ms",
                        e.path("latency_p50_ms").asDouble(), e.path("latency_p95_ms").asDouble(),
                        e.path("latency_p99_ms").asDouble()));
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
