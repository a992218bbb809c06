package dev.instructgen.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import dev.instructgen.report.LicenseTally;
import java.util.Map;

/**
 * What {@code instructgen stats} reports about a run, in the JSON shape of {@code stats --json}.
 * Built by {@link RunSummarizer} from the manifest, stats.json and the journals; every field the run did
 * not record is null (omitted from JSON) rather than guessed.
 *
 * @param accepted        whole lines of examples.jsonl (the truth, even when stats.json lags behind)
 * @param proposed        candidates judged so far: at least accepted + rejected
 * @param yield           accepted / proposed
 * @param rejectedShare   per reason, rejected / proposed
 * @param answer          the answer pass's counters (stats.json "answer") of a run with {@code --answer-pass}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(
        @JsonProperty("run_dir") String runDir,
        @JsonProperty("run_id") String runId,
        @JsonProperty("command") String command,
        @JsonProperty("teacher_model") String teacherModel,
        @JsonProperty("status") String status,
        @JsonProperty("stop_reason") String stopReason,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("updated_at") String updatedAt,
        @JsonProperty("elapsed_seconds") Double elapsedSeconds,
        @JsonProperty("target") Long target,
        @JsonProperty("accepted") long accepted,
        @JsonProperty("accepted_by_method") Map<String, Long> acceptedByMethod,
        @JsonProperty("proposed") long proposed,
        @JsonProperty("yield") Double yield,
        @JsonProperty("rejected_total") long rejectedTotal,
        @JsonProperty("rejected") Map<String, Long> rejected,
        @JsonProperty("rejected_share") Map<String, Double> rejectedShare,
        @JsonProperty("requests") Requests requests,
        @JsonProperty("faults") Map<String, Long> faults,
        @JsonProperty("tokens") Tokens tokens,
        @JsonProperty("cost_usd") Double costUsd,
        @JsonProperty("cost_per_accepted_usd") Double costPerAcceptedUsd,
        @JsonProperty("throughput") Throughput throughput,
        @JsonProperty("evolution") JsonNode evolution,
        @JsonProperty("license") LicenseTally.Summary license,
        @JsonProperty("answer") JsonNode answer) {

    /** A summary of a run without an answer pass. */
    public RunSummary(String runDir, String runId, String command, String teacherModel, String status,
                      String stopReason, String startedAt, String updatedAt, Double elapsedSeconds, Long target,
                      long accepted, Map<String, Long> acceptedByMethod, long proposed, Double yield,
                      long rejectedTotal, Map<String, Long> rejected, Map<String, Double> rejectedShare,
                      Requests requests, Map<String, Long> faults, Tokens tokens, Double costUsd,
                      Double costPerAcceptedUsd, Throughput throughput, JsonNode evolution,
                      LicenseTally.Summary license) {
        this(runDir, runId, command, teacherModel, status, stopReason, startedAt, updatedAt, elapsedSeconds, target,
                accepted, acceptedByMethod, proposed, yield, rejectedTotal, rejected, rejectedShare, requests, faults,
                tokens, costUsd, costPerAcceptedUsd, throughput, evolution, license, null);
    }

    /** Teacher requests as the engine counted them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Requests(Long total, Long succeeded, Long retries, Long failed,
                           @JsonProperty("by_stage") Map<String, Long> byStage) {
    }

    /** Tokens sent (prompt) and received (completion). */
    public record Tokens(long prompt, long completion) {
    }

    /** Rates over the run's elapsed time. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Throughput(@JsonProperty("accepted_per_second") Double acceptedPerSecond,
                             @JsonProperty("requests_per_second") Double requestsPerSecond) {
    }
}
