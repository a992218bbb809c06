package dev.instructgen.method.evol;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;
import java.util.TreeMap;

/**
 * The "evolution" section of stats.json: evolutions attempted, accepted and eliminated per rule, overall, per
 * operation and per round, plus how often a leading label was stripped and how often the judge's answer could
 * not be read. Thread-safe; {@link #snapshot} is what gets written (and checkpointed). On resume the counts are
 * rebuilt from the journals ({@link EvolResume}), the last two from the checkpoint.
 */
public final class EvolutionStats {

    private final Counts total = new Counts();
    private final Map<String, Counts> byOperation = new TreeMap<>();
    private final Map<Integer, Counts> byRound = new TreeMap<>();
    private long labelsStripped;
    private long judgeUnclear;
    private long judged;
    private boolean judgeWarned;

    public synchronized void attempted(EvolOperation op, int round) {
        total.attempted++;
        byOperation.computeIfAbsent(op.key(), k -> new Counts()).attempted++;
        byRound.computeIfAbsent(round, k -> new Counts()).attempted++;
    }

    public synchronized void accepted(EvolOperation op, int round) {
        total.accepted++;
        byOperation.computeIfAbsent(op.key(), k -> new Counts()).accepted++;
        byRound.computeIfAbsent(round, k -> new Counts()).accepted++;
    }

    public synchronized void eliminated(EvolOperation op, int round, String reason) {
        total.eliminate(reason);
        byOperation.computeIfAbsent(op.key(), k -> new Counts()).eliminate(reason);
        byRound.computeIfAbsent(round, k -> new Counts()).eliminate(reason);
    }

    public synchronized void labelStripped() {
        labelsStripped++;
    }

    public synchronized void judgeUnclear() {
        judgeUnclear++;
    }

    /**
     * Counts one verdict of the equality judge. Returns true exactly once, for the verdict at which more than
     * {@link #UNCLEAR_WARNING_SHARE} of at least {@link #UNCLEAR_WARNING_MIN} verdicts have been unreadable, so
     * the run can warn while it still has most of its work ahead (issue 11: 1,903 of 1,906 unread, unnoticed).
     */
    public synchronized boolean judged(boolean unclear) {
        judged++;
        if (unclear) {
            judgeUnclear++;
        }
        if (!judgeWarned && judged >= UNCLEAR_WARNING_MIN && judgeUnclear > UNCLEAR_WARNING_SHARE * judged) {
            judgeWarned = true;
            return true;
        }
        return false;
    }

    /** Unreadable verdicts above this share are reported (run warning, dataset card). */
    public static final double UNCLEAR_WARNING_SHARE = 0.05;
    /** Verdicts needed before the share means anything. */
    public static final int UNCLEAR_WARNING_MIN = 20;

    /** A copy of the counters, in the shape written to stats.json. */
    public synchronized Snapshot snapshot() {
        Map<String, Counts> ops = new TreeMap<>();
        byOperation.forEach((k, v) -> ops.put(k, v.copy()));
        Map<Integer, Counts> rounds = new TreeMap<>();
        byRound.forEach((k, v) -> rounds.put(k, v.copy()));
        return new Snapshot(total.attempted, total.accepted, new TreeMap<>(total.eliminated), ops, rounds,
                labelsStripped, judgeUnclear, judged);
    }

    /**
     * Continues the counters the journals cannot rebuild (labels stripped, unclear judgements) from a checkpoint;
     * attempts, acceptances and eliminations are recounted from the journals on resume.
     */
    public synchronized void restoreExtras(Snapshot s) {
        labelsStripped += s.labelsStripped();
        judgeUnclear += s.judgeUnclear();
        judged += s.judged();
    }

    /** The stats.json "evolution" section. */
    public record Snapshot(long attempted, long accepted, Map<String, Long> eliminated,
                           @JsonProperty("by_operation") Map<String, Counts> byOperation,
                           @JsonProperty("by_round") Map<Integer, Counts> byRound,
                           @JsonProperty("leading_labels_stripped") long labelsStripped,
                           @JsonProperty("judge_unclear") long judgeUnclear,
                           @JsonProperty("judged") long judged) {

        public Snapshot {
            eliminated = eliminated == null ? Map.of() : eliminated;
            byOperation = byOperation == null ? Map.of() : byOperation;
            byRound = byRound == null ? Map.of() : byRound;
        }

        /** Share of the judge's verdicts that could not be read, 0 when nothing was judged. */
        public double judgeUnclearShare() {
            return judged == 0 ? 0 : (double) judgeUnclear / judged;
        }

    }

    /** Attempted, accepted and eliminated-per-rule for one slice (an operation, a round, or all). */
    public static final class Counts {
        public long attempted;
        public long accepted;
        public Map<String, Long> eliminated = new TreeMap<>();

        public Counts() {
        }

        Counts(long attempted, long accepted, Map<String, Long> eliminated) {
            this.attempted = attempted;
            this.accepted = accepted;
            this.eliminated = eliminated;
        }

        void eliminate(String reason) {
            eliminated.merge(reason, 1L, Long::sum);
        }

        Counts copy() {
            return new Counts(attempted, accepted, new TreeMap<>(eliminated));
        }
    }
}
