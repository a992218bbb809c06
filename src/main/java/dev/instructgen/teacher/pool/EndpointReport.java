package dev.instructgen.teacher.pool;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One endpoint's entry in the {@code endpoints} section of stats.json, counted by this process.
 *
 * @param endpoint host[:port][/path], never user info or query
 * @param state    "up", or "down" while drained (no new requests) until its health probe answers
 * @param limit    its adaptive concurrency limit now
 * @param inFlight requests outstanding on it now
 * @param requests attempts sent to it
 * @param answered attempts it answered
 * @param failures failed attempts by kind (stats.json's fault keys)
 * @param drained  how often it was drained
 * @param share    its part of all answers of the pool, 0 to 1
 */
@JsonPropertyOrder({"endpoint", "model", "weight", "state", "limit", "in_flight", "requests", "answered", "failures",
        "drained", "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "share"})
public record EndpointReport(String endpoint, String model, int weight, String state, int limit,
                             @JsonProperty("in_flight") int inFlight, long requests, long answered,
                             Map<String, Long> failures, long drained,
                             @JsonProperty("latency_p50_ms") Double latencyP50Ms,
                             @JsonProperty("latency_p95_ms") Double latencyP95Ms,
                             @JsonProperty("latency_p99_ms") Double latencyP99Ms,
                             double share) {

    public EndpointReport {
        failures = failures == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(failures));
    }
}
