package dev.instructgen.pipeline;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/**
 * The content of stats.json at one moment. Field names are the file's schema; the stats command and resume
 * read it back.
 */
@JsonPropertyOrder({"command", "status", "stop_reason", "started_at", "updated_at", "elapsed_seconds", "target",
        "accepted", "proposed", "rejected", "requests", "faults", "tokens", "cost_usd", "cost_per_accepted_usd",
        "throughput"})
public record StatsSnapshot(
        String command,
        String status,
        @JsonProperty("stop_reason") @JsonInclude(JsonInclude.Include.ALWAYS) String stopReason,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("elapsed_seconds") double elapsedSeconds,
        long target,
        long accepted,
        long proposed,
        Map<String, Long> rejected,
        Requests requests,
        Map<String, Long> faults,
        Tokens tokens,
        @JsonProperty("cost_usd") double costUsd,
        @JsonProperty("cost_per_accepted_usd") @JsonInclude(JsonInclude.Include.ALWAYS) Double costPerAcceptedUsd,
        Throughput throughput,
        @JsonAnyGetter @JsonIgnore Map<String, Object> sections) {

    /**
     * Method-specific sections (e.g. Evol-Instruct's "evolution"), written as further top-level fields after the
     * common ones.
     */
    public StatsSnapshot {
        sections = sections == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(sections));
    }

    /** The common counters only, without method sections. */
    public StatsSnapshot(String command, String status, String stopReason, String startedAt, String updatedAt,
                         double elapsedSeconds, long target, long accepted, long proposed, Map<String, Long> rejected,
                         Requests requests, Map<String, Long> faults, Tokens tokens, double costUsd,
                         Double costPerAcceptedUsd, Throughput throughput) {
        this(command, status, stopReason, startedAt, updatedAt, elapsedSeconds, target, accepted, proposed, rejected,
                requests, faults, tokens, costUsd, costPerAcceptedUsd, throughput, Map.of());
    }

    /** Teacher requests: attempts sent, requests that succeeded, retried attempts, requests failed for good. */
    @JsonPropertyOrder({"total", "succeeded", "retries", "failed", "by_stage"})
    public record Requests(long total, long succeeded, long retries, long failed,
                           @JsonProperty("by_stage") Map<String, Long> byStage) {
    }

    public record Tokens(long prompt, long completion) {

        public long total() {
            return prompt + completion;
        }
    }

    public record Throughput(@JsonProperty("accepted_per_second") double acceptedPerSecond,
                             @JsonProperty("requests_per_second") double requestsPerSecond) {
    }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
}
