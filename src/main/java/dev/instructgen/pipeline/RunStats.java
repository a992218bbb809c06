package dev.instructgen.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.storage.StatsFile;
import dev.instructgen.storage.UsageEvent;
import dev.instructgen.storage.UsageTotals;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherReply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The run's counters: what the teacher stack observes (as its {@link TeacherMetrics}) and what the pipeline
 * decides (proposed, accepted, rejected per reason). Lock-free adders, since every worker updates them per call;
 * {@link #snapshot} reads them into the stats.json schema ({@link StatsFile}).
 *
 * <p>Every event is also handed to the run's usage journal ({@link #recordTo}) as it happens, so that a resume
 * after kill -9 rebuilds them ({@link #restore}) up to the requests in flight; stats.json is only a summary.
 */
public final class RunStats implements TeacherMetrics {

    private final String command;
    private final long target;
    private final Clock clock;
    private final CostModel costModel;
    private final Instant sessionStart;
    private volatile Instant runStart;
    private volatile double previousElapsedSeconds;
    private volatile Consumer<UsageEvent> journal = event -> {
    };
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private StatsFile finalSnapshot;

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
    private final LongAdder cachedTokens = new LongAdder();
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

    /** Journals every counted event from now on, starting with this session's start. */
    public void recordTo(Consumer<UsageEvent> sink) {
        journal = sink;
        sink.accept(UsageEvent.of(UsageEvent.SESSION, sessionStart));
    }

    // ---- TeacherMetrics: what the teacher stack observes

    @Override
    public void onAttempt(String stage) {
        // journaled before it is counted, and before the request goes out: the journal never misses one sent
        journal.accept(UsageEvent.request(UsageEvent.SENT, clock.instant(), stage, null));
        attempts.increment();
        byStage.computeIfAbsent(stage, s -> new LongAdder()).increment();
    }

    @Override
    public void onSuccess(String stage, TeacherReply reply) {
        succeeded(stage, reply, costModel.costUsd(reply.usage()));
    }

    /** A reply priced at {@code costUsd} (by this run's price, or a second model's: {@link #pricedBy}). */
    void succeeded(String stage, TeacherReply reply, double costUsd) {
        succeeded.increment();
        promptTokens.add(reply.usage().promptTokens());
        completionTokens.add(reply.usage().completionTokens());
        cachedTokens.add(reply.usage().cachedTokens());
        cost.add(costUsd);
        journal.accept(UsageEvent.succeeded(clock.instant(), stage, reply.usage().promptTokens(),
                reply.usage().completionTokens(), reply.usage().cachedTokens(), costUsd));
    }

    @Override
    public void onFault(String stage, FaultKind kind, boolean willRetry) {
        faults.computeIfAbsent(kind.key(), k -> new LongAdder()).increment();
        if (willRetry) {
            retries.increment();
        } else {
            failed.increment();
        }
        journal.accept(UsageEvent.request(willRetry ? UsageEvent.RETRIED : UsageEvent.FAILED, clock.instant(),
                stage, kind.key()));
    }

    /**
     * These counters as seen by a second teacher of the run whose model has another price (the answer pass's
     * {@code --answer-model}): everything is counted here, but each reply is priced by {@code price}, so the cost,
     * the budget and usage.jsonl state what each model's tokens cost.
     */
    public TeacherMetrics pricedBy(CostModel price) {
        return new RepricedMetrics(this, price);
    }

    // ---- pipeline decisions

    /** A candidate was proposed (before any filter). */
    public void onProposed(int count) {
        proposed.add(count);
        journal.accept(UsageEvent.proposed(clock.instant(), count));
    }

    public void onAccepted() {
        accepted.increment();
        journal.accept(UsageEvent.of(UsageEvent.ACCEPTED, clock.instant()));
    }

    public void onRejected(String reason) {
        rejected.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** A request that ended without any fault callback (e.g. a fatal HTTP status) still counts as failed. */
    public void onRequestFailed() {
        failed.increment();
        journal.accept(UsageEvent.request(UsageEvent.FAILED, clock.instant(), null, null));
    }

    /**
     * Adds a method-specific section to stats.json under {@code name} (e.g. Evol-Instruct's "evolution"),
     * read from {@code section} at every snapshot. The supplier must be thread-safe and cheap.
     */
    @Override
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

    /** When this session (process) began counting. */
    public Instant sessionStart() {
        return sessionStart;
    }

    /**
     * What the user was told when the run resumed (lost examples, counters that could not be restored); the
     * dataset card records them.
     */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Keeps a note for the dataset card. */
    public void note(String note) {
        notes.add(note);
    }

    /** Restores from a stats.json tree alone (a journal that keeps no usage.jsonl). */
    public void restore(long restoredAccepted, Map<String, Long> restoredRejections, JsonNode previousStats) {
        UsageTotals totals = null;
        if (previousStats != null && !previousStats.isMissingNode() && !previousStats.isNull()) {
            try {
                totals = UsageTotals.fromStats(StatsFile.fromTree(previousStats), null);
            } catch (StatsFile.Unreadable e) {
                notes.add(e.getMessage() + ": the counters of earlier sessions are unknown and count from zero");
            }
        }
        restore(restoredAccepted, restoredRejections, totals);
    }

    /**
     * Restores what earlier sessions of this run counted: accepted from the examples actually on disk, rejections
     * from rejected.jsonl, and the rest (requests, tokens, cost, elapsed, proposed) from {@code totals}, rebuilt
     * from usage.jsonl; null when nothing is known. When the earlier sessions accepted more examples than
     * examples.jsonl holds, the difference is named in a note and journaled, so it is reported once.
     */
    public void restore(long restoredAccepted, Map<String, Long> restoredRejections, UsageTotals totals) {
        accepted.add(restoredAccepted);
        restoredRejections.forEach((reason, n) -> rejected.computeIfAbsent(reason, r -> new LongAdder()).add(n));
        if (totals == null) {
            return;
        }
        proposed.add(totals.proposed());
        attempts.add(totals.attempts());
        succeeded.add(totals.succeeded());
        retries.add(totals.retries());
        failed.add(totals.failed());
        totals.byStage().forEach((k, v) -> byStage.computeIfAbsent(k, s -> new LongAdder()).add(v));
        totals.faults().forEach((k, v) -> faults.computeIfAbsent(k, s -> new LongAdder()).add(v));
        promptTokens.add(totals.promptTokens());
        completionTokens.add(totals.completionTokens());
        cachedTokens.add(totals.cachedTokens());
        cost.add(totals.costUsd());
        previousElapsedSeconds = totals.elapsedSeconds();
        if (totals.startedAt() != null) {
            runStart = totals.startedAt();
        }
        long lost = totals.accepted() - restoredAccepted;
        if (lost > 0) {
            notes.add("examples.jsonl holds " + restoredAccepted + " examples but " + totals.accepted()
                    + " were accepted before: " + lost + " accepted examples are missing (the file was cut, "
                    + "edited or deleted) and will be generated again");
            journal.accept(UsageEvent.examplesLost(clock.instant(), lost));
        }
    }

    /**
     * The counters now, for stats.json and progress; {@code outcome} null while running. The first snapshot with
     * an outcome is the run's final account: later calls return it unchanged, so the final stats.json, the last
     * progress line and the dataset card state the same figures even while abandoned requests still come back
     * (those are journaled in usage.jsonl and counted by the next resume).
     */
    public StatsFile snapshot(RunOutcome outcome) {
        if (outcome == null) {
            return take(null);
        }
        synchronized (this) {
            if (finalSnapshot == null) {
                finalSnapshot = take(outcome);
            }
            return finalSnapshot;
        }
    }

    private StatsFile take(RunOutcome outcome) {
        Instant now = clock.instant();
        double elapsed = previousElapsedSeconds + Duration.between(sessionStart, now).toMillis() / 1000.0;
        long acc = accepted.sum();
        long requests = attempts.sum();
        double costUsd = cost.sum();
        return new StatsFile(
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
                new StatsFile.Requests(requests, succeeded.sum(), retries.sum(), failed.sum(), sorted(byStage)),
                sorted(faults),
                new StatsFile.Tokens(promptTokens.sum(), completionTokens.sum(),
                        cachedTokens.sum() == 0 ? null : cachedTokens.sum()),
                round(costUsd, 6),
                acc == 0 ? null : round(costUsd / acc, 8),
                new StatsFile.Throughput(
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
