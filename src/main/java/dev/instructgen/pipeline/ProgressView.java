package dev.instructgen.pipeline;

/** What progress displays show: the counters plus the engine's requests in flight. */
public record ProgressView(StatsSnapshot stats, int inFlight) {
}
