package dev.instructgen.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.instructgen.dataset.Example;

import dev.instructgen.report.LicenseTally;
import dev.instructgen.storage.Manifest;
import dev.instructgen.storage.RunDirectory;
import dev.instructgen.storage.RunSnapshot;
import dev.instructgen.report.RunSummary;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds a {@link RunSummary} from what a run left on disk. stats.json is written by the engine and may be
 * missing, partial or from an older version, so every field is read tolerantly; counts that the journals
 * hold (accepted, rejected per reason) come from the journals, which are never behind.
 */
public final class RunSummarizer {

    private RunSummarizer() {
    }

    public static RunSummary summarize(RunSnapshot run) {
        JsonNode stats = run.stats().orElse(MissingNode.getInstance());
        Manifest manifest = run.manifest();

        Map<String, Long> byMethod = new TreeMap<>();
        LicenseTally licenses = new LicenseTally();
        long accepted = 0;
        try (Stream<Example> examples = run.examples()) {
            for (var it = examples.iterator(); it.hasNext(); ) {
                Example example = it.next();
                accepted++;
                byMethod.merge(example.method().code(), 1L, Long::sum);
                licenses.add(example.license());
            }
        }

        Map<String, Long> rejected = Files.exists(run.path().resolve(RunDirectory.REJECTED))
                ? sortedByCount(run.rejectionCounts()) : sortedByCount(longs(stats.path("rejected")));
        long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
        long proposed = Math.max(accepted + rejectedTotal, stats.path("proposed").asLong(0));
        Map<String, Double> share = new LinkedHashMap<>();
        rejected.forEach((reason, count) -> share.put(reason, ratio(count, proposed)));

        Double elapsed = number(stats, "elapsed_seconds");
        if (elapsed == null) {
            elapsed = secondsBetween(text(stats, "started_at", manifest.startedAt()), text(stats, "updated_at", null));
        }
        Double cost = number(stats, "cost_usd");
        Double costPerAccepted = number(stats, "cost_per_accepted_usd");
        if (costPerAccepted == null && cost != null && accepted > 0) {
            costPerAccepted = cost / accepted;
        }
        RunSummary.Requests requests = requests(stats.path("requests"));

        return new RunSummary(run.path().toString(), manifest.runId(), manifest.command(),
                manifest.teacher() == null ? null : manifest.teacher().model(),
                text(stats, "status", null), text(stats, "stop_reason", null),
                text(stats, "started_at", manifest.startedAt()), text(stats, "updated_at", null), elapsed,
                target(stats, manifest), accepted, byMethod, proposed, proposed == 0 ? null : ratio(accepted, proposed),
                rejectedTotal, rejected, share, requests, longs(stats.path("faults")),
                new RunSummary.Tokens(stats.path("tokens").path("prompt").asLong(0),
                        stats.path("tokens").path("completion").asLong(0)),
                cost, costPerAccepted, throughput(stats.path("throughput"), accepted, requests, elapsed),
                stats.path("evolution").isObject() ? stats.get("evolution") : null, licenses.summary());
    }

    private static Long target(JsonNode stats, Manifest manifest) {
        if (stats.path("target").canConvertToLong()) {
            return stats.get("target").asLong();
        }
        Object target = manifest.limits().get("target");
        return target instanceof Number n ? n.longValue() : null;
    }

    private static RunSummary.Requests requests(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        return new RunSummary.Requests(optionalLong(node, "total"), optionalLong(node, "succeeded"),
                optionalLong(node, "retries"), optionalLong(node, "failed"), longs(node.path("by_stage")));
    }

    private static RunSummary.Throughput throughput(JsonNode node, long accepted, RunSummary.Requests requests,
                                                    Double elapsed) {
        Double acceptedRate = number(node, "accepted_per_second");
        Double requestRate = number(node, "requests_per_second");
        if (elapsed != null && elapsed > 0) {
            if (acceptedRate == null) {
                acceptedRate = accepted / elapsed;
            }
            if (requestRate == null && requests != null && requests.total() != null) {
                requestRate = requests.total() / elapsed;
            }
        }
        return acceptedRate == null && requestRate == null ? null
                : new RunSummary.Throughput(acceptedRate, requestRate);
    }

    private static Map<String, Long> longs(JsonNode node) {
        Map<String, Long> values = new LinkedHashMap<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().canConvertToLong()) {
                    values.put(e.getKey(), e.getValue().asLong());
                }
            }
        }
        return values;
    }

    /** Most frequent first (the reasons worth looking at), then by name for a stable order. */
    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private static Long optionalLong(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.canConvertToLong() ? value.asLong() : null;
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asDouble() : null;
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : fallback;
    }

    private static Double secondsBetween(String start, String end) {
        if (start == null || end == null) {
            return null;
        }
        try {
            return Duration.between(Instant.parse(start), Instant.parse(end)).toMillis() / 1000.0;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
