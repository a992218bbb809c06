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
 * @param endpoints       the pool's per-endpoint counters (stats.json's {@code endpoints}); null for one endpoint
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
        @JsonProperty("endpoints") JsonNode endpoints,
        @JsonProperty("conversations") ConversationTally.Summary conversations,
        @JsonProperty("answer") JsonNode answer) {

    /** Teacher requests as the engine counted them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Requests(Long total, Long succeeded, Long retries, Long failed,
                           @JsonProperty("by_stage") Map<String, Long> byStage) {
    }

    /** Tokens sent (prompt, of which {@code cached} were served from the server's prompt cache) and received. */
    public record Tokens(long prompt, long completion,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Long cached) {
    }

    /** Rates over the run's elapsed time. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Throughput(@JsonProperty("accepted_per_second") Double acceptedPerSecond,
                             @JsonProperty("requests_per_second") Double requestsPerSecond) {
    }
}
