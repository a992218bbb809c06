package dev.instructgen.pipeline;

import dev.instructgen.storage.StatsFile;

/** What progress displays show: the counters plus the engine's requests in flight. */
public record ProgressView(StatsFile stats, int inFlight) {
}
