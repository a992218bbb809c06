package dev.instructgen.teacher.pool;

import dev.instructgen.teacher.FaultKind;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one endpoint of a pool did: attempts routed to it, answers, failures by kind, and the latency of its
 * recent answers. Percentiles are read over the last {@link #WINDOW} answers, a ring buffer, so a long run costs
 * no memory and the figures follow the endpoint's current speed rather than its history.
 */
final class EndpointCounters {

    static final int WINDOW = 2048;

    private final LongAdder requests = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder drained = new LongAdder();
    private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    private final long[] latenciesMicros = new long[WINDOW];
    private long written;

    void onSent() {
        requests.increment();
    }

    void onAnswer(Duration latency) {
        succeeded.increment();
        synchronized (latenciesMicros) {
            latenciesMicros[(int) (written++ % WINDOW)] = latency.toNanos() / 1000;
        }
    }

    void onFailure(FaultKind kind) {
        failures.computeIfAbsent(kind.key(), k -> new LongAdder()).increment();
    }

    void onDrained() {
        drained.increment();
    }

    long succeeded() {
        return succeeded.sum();
    }

    /** The counters now; {@code share} is this endpoint's part of all answers of the pool. */
    EndpointReport report(String endpoint, String model, int weight, boolean up, int limit, int inFlight,
                          long allAnswers) {
        long[] recent;
        synchronized (latenciesMicros) {
            recent = Arrays.copyOf(latenciesMicros, (int) Math.min(written, WINDOW));
        }
        Arrays.sort(recent);
        Map<String, Long> byKind = new TreeMap<>();
        failures.forEach((k, v) -> byKind.put(k, v.sum()));
        long answers = succeeded.sum();
        return new EndpointReport(endpoint, model, weight, up ? "up" : "down", limit, inFlight, requests.sum(),
                answers, byKind, drained.sum(), percentile(recent, 0.50), percentile(recent, 0.95),
                percentile(recent, 0.99),
                allAnswers == 0 ? 0.0 : Math.round(1000.0 * answers / allAnswers) / 1000.0);
    }

    /** Nearest-rank percentile in milliseconds; null without any answer. */
    private static Double percentile(long[] sortedMicros, double p) {
        if (sortedMicros.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p * sortedMicros.length) - 1;
        return Math.round(sortedMicros[Math.max(0, rank)] / 100.0) / 10.0;
    }
}
