package dev.instructgen.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.Example;

import dev.instructgen.report.LicenseTally;
import dev.instructgen.storage.Manifest;
import dev.instructgen.storage.RunDirectory;
import dev.instructgen.storage.RunSnapshot;
import dev.instructgen.storage.StatsFile;
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
 * Builds a {@link RunSummary} from what a run left on disk. stats.json is read through its one schema
 * ({@link StatsFile}), whose fields may be null in a run that failed early or was written by an older version;
 * counts that the journals hold (accepted, rejected per reason) come from the journals, which are never behind.
 */
public final class RunSummarizer {

    private RunSummarizer() {
    }

    public static RunSummary summarize(RunSnapshot run) {
        StatsFile stats = run.stats().orElse(EMPTY);
        Manifest manifest = run.manifest();

        Map<String, Long> byMethod = new TreeMap<>();
        LicenseTally licenses = new LicenseTally();
        ConversationTally conversations = new ConversationTally();
        long accepted = 0;
        try (Stream<Example> examples = run.examples()) {
            for (var it = examples.iterator(); it.hasNext(); ) {
                Example example = it.next();
                accepted++;
                byMethod.merge(example.method().code(), 1L, Long::sum);
                licenses.add(example.license());
                conversations.add(example);
            }
        }

        Map<String, Long> rejected = Files.exists(run.path().resolve(RunDirectory.REJECTED))
                ? sortedByCount(run.rejectionCounts()) : sortedByCount(stats.rejected());
        long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
        long proposed = Math.max(accepted + rejectedTotal, stats.proposed() == null ? 0 : stats.proposed());
        Map<String, Double> share = new LinkedHashMap<>();
        rejected.forEach((reason, count) -> share.put(reason, ratio(count, proposed)));

        String startedAt = text(stats.startedAt(), manifest.startedAt());
        Double elapsed = stats.elapsedSeconds();
        if (elapsed == null) {
            elapsed = secondsBetween(startedAt, text(stats.updatedAt(), null));
        }
        Double cost = stats.costUsd();
        Double costPerAccepted = stats.costPerAcceptedUsd();
        if (costPerAccepted == null && cost != null && accepted > 0) {
            costPerAccepted = cost / accepted;
        }
        StatsFile.Requests r = stats.requests();
        RunSummary.Requests requests = r == null ? null
                : new RunSummary.Requests(r.total(), r.succeeded(), r.retries(), r.failed(), r.byStage());
        StatsFile.Tokens tokens = stats.tokens();

        return new RunSummary(run.path().toString(), manifest.runId(), manifest.command(),
                manifest.teacher() == null ? null : manifest.teacher().model(),
                text(stats.status(), null), text(stats.stopReason(), null),
                startedAt, text(stats.updatedAt(), null), elapsed,
                target(stats, manifest), accepted, byMethod, proposed,
                StatsFile.yield(accepted, rejectedTotal, proposed),
                rejectedTotal, rejected, share, requests, stats.faults(),
                new RunSummary.Tokens(tokens == null || tokens.prompt() == null ? 0 : tokens.prompt(),
                        tokens == null || tokens.completion() == null ? 0 : tokens.completion(),
                        tokens == null ? null : tokens.cached()),
                cost, costPerAccepted, throughput(stats.throughput(), accepted, requests, elapsed),
                stats.sections().get("evolution") instanceof JsonNode evolution && evolution.isObject()
                        ? evolution : null,
                licenses.summary(),
                stats.sections().get("endpoints") instanceof JsonNode endpoints && endpoints.isObject()
                        ? endpoints : null, conversations.summary(),
                stats.sections().get("answer") instanceof JsonNode answer && answer.isObject() ? answer : null);
    }

    private static final StatsFile EMPTY = new StatsFile(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null);

    private static Long target(StatsFile stats, Manifest manifest) {
        if (stats.target() != null) {
            return stats.target();
        }
        Object target = manifest.limits().get("target");
        return target instanceof Number n ? n.longValue() : null;
    }

    private static RunSummary.Throughput throughput(StatsFile.Throughput node, long accepted,
                                                    RunSummary.Requests requests, Double elapsed) {
        Double acceptedRate = node == null ? null : node.acceptedPerSecond();
        Double requestRate = node == null ? null : node.requestsPerSecond();
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

    /** Most frequent first (the reasons worth looking at), then by name for a stable order. */
    private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }



    private static String text(String value, String fallback) {
        return value != null && !value.isBlank() ? value : fallback;
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
