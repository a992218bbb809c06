package dev.instructgen.filter.quality;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.dataset.RejectionReason;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The judge's counters: examples judged, kept, unreadable, and a score histogram in half points (0.0, 0.5, ...
 * 5.0; a score is counted in the bucket at or below it). They are the {@code quality} section of stats.json. A
 * resumed run rebuilds them from what is on disk ({@link #restore}): the scores in provenance.quality of the kept
 * examples and in rejected.jsonl of the rejected ones, so nothing is judged twice and no count is lost.
 */
public final class QualityTally {

    /** Above this share of unreadable verdicts the run warns (once) and the card says so. */
    public static final double UNREADABLE_WARNING_SHARE = 0.05;
    /** Verdicts needed before the share means anything. */
    static final int WARNING_MIN_JUDGED = 20;

    public static final String UNREADABLE_WARNING = "more than 5% of the judge's verdicts could not be read (see "
            + "quality.unreadable in stats.json); a model that reasons first needs a higher judge.sampling "
            + "max-tokens in the --config file, or use another --judge-model";

    private static final int BUCKETS = (int) (JudgeReplyParser.MAX_SCORE * 2) + 1;

    private final LongAdder judged = new LongAdder();
    private final LongAdder kept = new LongAdder();
    private final LongAdder unreadable = new LongAdder();
    private final AtomicLongArray histogram = new AtomicLongArray(BUCKETS);
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * Counts one judgement and whether its example was kept.
     *
     * @return true exactly once: when the unreadable share first passes {@link #UNREADABLE_WARNING_SHARE}
     */
    public boolean count(LlmJudge.Judgement judgement, boolean keptExample) {
        add(judgement.score(), keptExample);
        return tooManyUnreadable() && warned.compareAndSet(false, true);
    }

    private void add(Double score, boolean keptExample) {
        judged.increment();
        if (keptExample) {
            kept.increment();
        }
        if (score == null) {
            unreadable.increment();
        } else {
            histogram.incrementAndGet(bucket(score));
        }
    }

    public boolean tooManyUnreadable() {
        long n = judged.sum();
        return n >= WARNING_MIN_JUDGED && unreadable.sum() > UNREADABLE_WARNING_SHARE * n;
    }

    /**
     * Rebuilds the counters of earlier sessions: every example with provenance.quality was judged and kept; every
     * {@code low_quality} or {@code judge_unreadable} rejection was judged and dropped.
     */
    public void restore(List<Example> examples, List<Rejection> rejections) {
        for (Example e : examples) {
            Provenance.Quality q = e.provenance() == null ? null : e.provenance().quality();
            if (q != null) {
                add(q.score(), true);
            }
        }
        for (Rejection r : rejections) {
            if (r.reason() == RejectionReason.LOW_QUALITY) {
                add(r.score(), false);
            } else if (r.reason() == RejectionReason.JUDGE_UNREADABLE) {
                add(null, false);
            }
        }
        warned.set(tooManyUnreadable());
    }

    static int bucket(double score) {
        return (int) Math.floor(Math.max(0, Math.min(JudgeReplyParser.MAX_SCORE, score)) * 2);
    }

    /** The stats.json section: judged, kept, unreadable, kept_share, histogram ("0.0" .. "5.0" to counts). */
    public Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        long n = judged.sum();
        long k = kept.sum();
        m.put("judged", n);
        m.put("kept", k);
        m.put("unreadable", unreadable.sum());
        m.put("kept_share", n == 0 ? null : Math.round(1000.0 * k / n) / 1000.0);
        Map<String, Long> h = new LinkedHashMap<>();
        for (int i = 0; i < BUCKETS; i++) {
            h.put(String.format(Locale.ROOT, "%.1f", i / 2.0), histogram.get(i));
        }
        m.put("histogram", h);
        return m;
    }

    public long judged() {
        return judged.sum();
    }

    public long kept() {
        return kept.sum();
    }

    public long unreadable() {
        return unreadable.sum();
    }
}
