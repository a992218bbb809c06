package dev.instructgen.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of usage.jsonl: something the counters of stats.json are made of, journaled as it happens so that a
 * kill -9 loses no more of it than the requests in flight (docs/run-directory.md, "usage.jsonl").
 *
 * @param event what happened, one of the constants below
 * @param at    when
 * @param stage the pipeline stage of a request event
 * @param fault the fault kind of a retried or failed attempt (null for a fatal refusal)
 * @param count how many candidates were proposed, for {@link #PROPOSED}
 * @param carried the counters of stats.json when a run written before usage.jsonl existed was resumed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"event", "at", "stage", "fault", "count", "prompt_tokens", "completion_tokens", "cost_usd",
        "carried", "cached_tokens"})
public record UsageEvent(String event, Instant at, String stage, String fault, Long count,
                         @JsonProperty("prompt_tokens") Long promptTokens,
                         @JsonProperty("completion_tokens") Long completionTokens,
                         @JsonProperty("cost_usd") Double costUsd,
                         StatsFile carried,
                         @JsonProperty("cached_tokens") Long cachedTokens) {

    /** A process started (or resumed) the run; active time is measured from here to its last event. */
    public static final String SESSION = "session";
    /** A request attempt is about to go on the wire. */
    public static final String SENT = "sent";
    /** An attempt came back with a reply; its tokens and estimated cost. */
    public static final String SUCCEEDED = "succeeded";
    /** An attempt failed with a transient fault and another attempt follows. */
    public static final String RETRIED = "retried";
    /** A request failed for good. */
    public static final String FAILED = "failed";
    /** Candidates were proposed (before any filter). */
    public static final String PROPOSED = "proposed";
    /** An example was accepted (after examples.jsonl has its line). */
    public static final String ACCEPTED = "accepted";
    /**
     * On resume, examples.jsonl held fewer examples than were accepted (cut or edited by hand): {@code count} of
     * them are gone and will be generated again.
     */
    public static final String EXAMPLES_LOST = "examples_lost";
    /** The counters an older stats.json held, carried into the journal once. */
    public static final String CARRIED_OVER = "carried_over";

    public UsageEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(at, "at");
    }

    public static UsageEvent of(String event, Instant at) {
        return new UsageEvent(event, at, null, null, null, null, null, null, null, null);
    }

    public static UsageEvent request(String event, Instant at, String stage, String fault) {
        return new UsageEvent(event, at, stage, fault, null, null, null, null, null, null);
    }

    public static UsageEvent succeeded(Instant at, String stage, long promptTokens, long completionTokens,
                                       double costUsd) {
        return succeeded(at, stage, promptTokens, completionTokens, 0, costUsd);
    }

    /** @param cachedTokens prompt tokens served from the prompt cache; written only when there were some */
    public static UsageEvent succeeded(Instant at, String stage, long promptTokens, long completionTokens,
                                       long cachedTokens, double costUsd) {
        return new UsageEvent(SUCCEEDED, at, stage, null, null, promptTokens, completionTokens, costUsd, null,
                cachedTokens == 0 ? null : cachedTokens);
    }

    public static UsageEvent proposed(Instant at, long count) {
        return new UsageEvent(PROPOSED, at, null, null, count, null, null, null, null, null);
    }

    public static UsageEvent examplesLost(Instant at, long count) {
        return new UsageEvent(EXAMPLES_LOST, at, null, null, count, null, null, null, null, null);
    }

    public static UsageEvent carriedOver(Instant at, StatsFile stats) {
        return new UsageEvent(CARRIED_OVER, at, null, null, null, null, null, null, stats, null);
    }
}
