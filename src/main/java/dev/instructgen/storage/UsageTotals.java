package dev.instructgen.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the earlier sessions of a run counted, rebuilt from usage.jsonl (or, for a run written before that
 * journal existed, from its last stats.json).
 *
 * @param elapsedSeconds active time of the earlier sessions: each from its start to its last event, so the time
 *                       a run stood still between a kill and the resume is not counted
 * @param startedAt      when the run began (its first session), or null when unknown
 * @param accepted       accepted examples the counters saw; more than examples.jsonl holds means lines were lost
 * @param cachedTokens   prompt tokens served from the prompt cache (part of {@code promptTokens})
 */
public record UsageTotals(long attempts, long succeeded, long retries, long failed, Map<String, Long> byStage,
                          Map<String, Long> faults, long promptTokens, long completionTokens, double costUsd,
                          long proposed, double elapsedSeconds, Instant startedAt, long accepted,
                          long cachedTokens) {

    public UsageTotals {
        byStage = Collections.unmodifiableMap(new TreeMap<>(byStage));
        faults = Collections.unmodifiableMap(new TreeMap<>(faults));
    }

    /** The counters of a stats.json alone, for a run written before usage.jsonl existed. */
    public static UsageTotals fromStats(StatsFile stats, Instant fallbackStart) {
        Builder builder = new Builder();
        builder.add(UsageEvent.carriedOver(fallbackStart == null ? Instant.EPOCH : fallbackStart, stats));
        return builder.build(fallbackStart);
    }

    /** Sums events in journal order. */
    static final class Builder {
        private long attempts;
        private long succeeded;
        private long retries;
        private long failed;
        private final Map<String, Long> byStage = new TreeMap<>();
        private final Map<String, Long> faults = new TreeMap<>();
        private long promptTokens;
        private long completionTokens;
        private long cachedTokens;
        private double costUsd;
        private long proposed;
        private double elapsedSeconds;
        private Instant startedAt;
        private long accepted;
        private Instant sessionStart;
        private Instant lastEvent;

        void add(UsageEvent e) {
            switch (e.event()) {
                case UsageEvent.SESSION -> {
                    closeSession();
                    sessionStart = e.at();
                    if (startedAt == null) {
                        startedAt = e.at();
                    }
                }
                case UsageEvent.SENT -> {
                    attempts++;
                    if (e.stage() != null) {
                        byStage.merge(e.stage(), 1L, Long::sum);
                    }
                }
                case UsageEvent.SUCCEEDED -> {
                    succeeded++;
                    promptTokens += orZero(e.promptTokens());
                    completionTokens += orZero(e.completionTokens());
                    cachedTokens += orZero(e.cachedTokens());
                    costUsd += e.costUsd() == null ? 0 : e.costUsd();
                }
                case UsageEvent.RETRIED -> {
                    retries++;
                    fault(e);
                }
                case UsageEvent.FAILED -> {
                    failed++;
                    fault(e);
                }
                case UsageEvent.PROPOSED -> proposed += orZero(e.count());
                case UsageEvent.ACCEPTED -> accepted++;
                case UsageEvent.EXAMPLES_LOST -> accepted -= orZero(e.count());
                case UsageEvent.CARRIED_OVER -> carry(e.carried());
                default -> {
                    // an event of a newer version: not a counter this one knows
                }
            }
            lastEvent = e.at();
        }

        private void fault(UsageEvent e) {
            if (e.fault() != null) {
                faults.merge(e.fault(), 1L, Long::sum);
            }
        }

        private void carry(StatsFile s) {
            if (s == null) {
                return;
            }
            StatsFile.Requests r = s.requests();
            if (r != null) {
                attempts += orZero(r.total());
                succeeded += orZero(r.succeeded());
                retries += orZero(r.retries());
                failed += orZero(r.failed());
                r.byStage().forEach((k, v) -> byStage.merge(k, v, Long::sum));
            }
            s.faults().forEach((k, v) -> faults.merge(k, v, Long::sum));
            if (s.tokens() != null) {
                promptTokens += orZero(s.tokens().prompt());
                completionTokens += orZero(s.tokens().completion());
                cachedTokens += orZero(s.tokens().cached());
            }
            costUsd += s.costUsd() == null ? 0 : s.costUsd();
            proposed += orZero(s.proposed());
            elapsedSeconds += s.elapsedSeconds() == null ? 0 : s.elapsedSeconds();
            accepted += orZero(s.accepted());
            if (s.startedAt() != null) {
                try {
                    startedAt = Instant.parse(s.startedAt());
                } catch (RuntimeException ignored) {
                    // a hand-edited start time: the manifest's is used instead
                }
            }
        }

        private void closeSession() {
            if (sessionStart != null && lastEvent != null && lastEvent.isAfter(sessionStart)) {
                elapsedSeconds += Duration.between(sessionStart, lastEvent).toMillis() / 1000.0;
            }
            sessionStart = null;
        }

        UsageTotals build(Instant fallbackStart) {
            closeSession();
            return new UsageTotals(attempts, succeeded, retries, failed, byStage, faults, promptTokens,
                    completionTokens, costUsd, proposed, elapsedSeconds, startedAt == null ? fallbackStart : startedAt,
                    accepted, cachedTokens);
        }

        private static long orZero(Long value) {
            return value == null ? 0 : value;
        }
    }
}
