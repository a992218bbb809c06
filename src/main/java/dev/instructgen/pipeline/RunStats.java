package dev.instructgen.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherReply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The run's counters: what the teacher stack observes (as its {@link TeacherMetrics}) and what the pipeline
 * decides (proposed, accepted, rejected per reason). Lock-free adders, since every worker updates them per call;
 * {@link #snapshot} reads them into the stats.json shape.
 *
 * <p>On resume the counters of the earlier sessions are restored ({@link #restore}), so totals, cost and elapsed
 * time cover the whole run, not just the last session.
 */
public final class RunStats implements TeacherMetrics {

    private final String command;
    private final long target;
    private final Clock clock;
    private final CostModel costModel;
    private final Instant sessionStart;
    private volatile Instant runStart;
    private volatile double previousElapsedSeconds;

    private final LongAdder accepted = new LongAdder();
    private final LongAdder proposed = new LongAdder();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<String, LongAdder> byStage = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();
    private final DoubleAdder cost = new DoubleAdder();
    private final Map<String, Supplier<?>> sections = new ConcurrentSkipListMap<>();

    public RunStats(String command, long target, Clock clock, CostModel costModel) {
        this.command = command;
        this.target = target;
        this.clock = clock;
        this.costModel = costModel;
        this.sessionStart = clock.instant();
        this.runStart = sessionStart;
    }

    // ---- TeacherMetrics: what the teacher stack observes

    @Override
    public void onAttempt(String stage) {
        attempts.increment();
        byStage.computeIfAbsent(stage, s -> new LongAdder()).increment();
    }

    @Override
    public void onSuccess(String stage, TeacherReply reply) {
        succeeded.increment();
        promptTokens.add(reply.usage().promptTokens());
        completionTokens.add(reply.usage().completionTokens());
        cost.add(costModel.costUsd(reply.usage()));
    }

    @Override
    public void onFault(String stage, FaultKind kind, boolean willRetry) {
        faults.computeIfAbsent(kind.key(), k -> new LongAdder()).increment();
        if (willRetry) {
            retries.increment();
        } else {
            failed.increment();
        }
    }

    // ---- pipeline decisions

    /** A candidate was proposed (before any filter). */
    public void onProposed(int count) {
        proposed.add(count);
    }

    public void onAccepted() {
        accepted.increment();
    }

    public void onRejected(String reason) {
        rejected.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** A request that ended without any fault callback (e.g. a fatal HTTP status) still counts as failed. */
    public void onRequestFailed() {
        failed.increment();
    }

    /**
     * Adds a method-specific section to stats.json under {@code name} (e.g. Evol-Instruct's "evolution"),
     * read from {@code section} at every snapshot. The supplier must be thread-safe and cheap.
     */
    public void addSection(String name, Supplier<?> section) {
        sections.put(name, section);
    }

    public long accepted() {
        return accepted.sum();
    }

    public long proposed() {
        return proposed.sum();
    }

    public long totalTokens() {
        return promptTokens.sum() + completionTokens.sum();
    }

    public double costUsd() {
        return cost.sum();
    }

    public long target() {
        return target;
    }

    /**
     * Restores what earlier sessions of this run counted: accepted from the examples actually on disk, rejections
     * from rejected.jsonl, and the rest (requests, tokens, cost, elapsed, proposed) from the last stats.json,
     * which may be missing or older than the journals.
     */
    public void restore(long restoredAccepted, Map<String, Long> restoredRejections, JsonNode previousStats) {
        accepted.add(restoredAccepted);
        restoredRejections.forEach((reason, n) -> rejected.computeIfAbsent(reason, r -> new LongAdder()).add(n));
        if (previousStats == null || previousStats.isMissingNode() || previousStats.isNull()) {
            return;
        }
        proposed.add(previousStats.path("proposed").asLong());
        JsonNode requests = previousStats.path("requests");
        attempts.add(requests.path("total").asLong());
        succeeded.add(requests.path("succeeded").asLong());
        retries.add(requests.path("retries").asLong());
        failed.add(requests.path("failed").asLong());
        requests.path("by_stage").fields().forEachRemaining(
                e -> byStage.computeIfAbsent(e.getKey(), k -> new LongAdder()).add(e.getValue().asLong()));
        previousStats.path("faults").fields().forEachRemaining(
                e -> faults.computeIfAbsent(e.getKey(), k -> new LongAdder()).add(e.getValue().asLong()));
        promptTokens.add(previousStats.path("tokens").path("prompt").asLong());
        completionTokens.add(previousStats.path("tokens").path("completion").asLong());
        cost.add(previousStats.path("cost_usd").asDouble());
        previousElapsedSeconds = previousStats.path("elapsed_seconds").asDouble();
        String startedAt = previousStats.path("started_at").asText("");
        if (!startedAt.isEmpty()) {
            try {
                runStart = Instant.parse(startedAt);
            } catch (RuntimeException ignored) {
                // a hand-edited or foreign stats.json: keep this session's start
            }
        }
    }

    /** The counters now, for stats.json and progress; {@code outcome} null while running. */
    public StatsSnapshot snapshot(RunOutcome outcome) {
        Instant now = clock.instant();
        double elapsed = previousElapsedSeconds + Duration.between(sessionStart, now).toMillis() / 1000.0;
        long acc = accepted.sum();
        long requests = attempts.sum();
        double costUsd = cost.sum();
        return new StatsSnapshot(
                command,
                outcome == null ? StopReason.Status.RUNNING.key() : outcome.reason().status().key(),
                outcome == null ? null : outcome.reason().key(),
                runStart.toString(),
                now.toString(),
                round(elapsed, 3),
                target,
                acc,
                proposed.sum(),
                sorted(rejected),
                new StatsSnapshot.Requests(requests, succeeded.sum(), retries.sum(), failed.sum(), sorted(byStage)),
                sorted(faults),
                new StatsSnapshot.Tokens(promptTokens.sum(), completionTokens.sum()),
                round(costUsd, 6),
                acc == 0 ? null : round(costUsd / acc, 8),
                new StatsSnapshot.Throughput(
                        elapsed <= 0 ? 0.0 : round(acc / elapsed, 3),
                        elapsed <= 0 ? 0.0 : round(requests / elapsed, 3)),
                sections());
    }

    private Map<String, Object> sections() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        sections.forEach((name, supplier) -> out.put(name, supplier.get()));
        return out;
    }

    private static Map<String, Long> sorted(Map<String, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
