package dev.instructgen.method.curate;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.pipeline.RunContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The judge's verdicts on records not yet decided, for {@code curate --top N --judge}: every record is scored before
 * the first is chosen, and those scores must survive a crash so that a resumed run does not pay for them again. The
 * run directory's checkpoint (an atomic rewrite) holds them, saved at most every {@link #SAVE_EVERY} while scoring
 * and at the end: a kill -9 loses the verdicts of the last second at most. Thread-safe.
 */
final class ScoreCheckpoint {

    static final String NAME = "curate-scores";
    static final Duration SAVE_EVERY = Duration.ofSeconds(1);

    /** The file's content: record id to the judge's verdict. */
    record Saved(Map<String, Provenance.Quality> scores) {
    }

    private final Map<String, Provenance.Quality> scores = new ConcurrentHashMap<>();
    private Instant nextSave = Instant.MIN;

    static ScoreCheckpoint restore(RunContext ctx) {
        ScoreCheckpoint c = new ScoreCheckpoint();
        if (ctx.resumed()) {
            ctx.journal().readCheckpoint(NAME, Saved.class)
                    .ifPresent(saved -> c.scores.putAll(saved.scores() == null ? Map.of() : saved.scores()));
        }
        return c;
    }

    boolean has(String id) {
        return scores.containsKey(id);
    }

    Provenance.Quality get(String id) {
        return scores.get(id);
    }

    void put(String id, Provenance.Quality verdict, RunContext ctx) {
        scores.put(id, verdict);
        synchronized (this) {
            if (ctx.clock().instant().isBefore(nextSave)) {
                return;
            }
            nextSave = ctx.clock().instant().plus(SAVE_EVERY);
        }
        save(ctx);
    }

    synchronized void save(RunContext ctx) {
        ctx.journal().writeCheckpoint(NAME, new Saved(Map.copyOf(scores)));
    }

    /** One ranking value per record: its score, below every score when unreadable and kept, 0 when unscored. */
    double[] ranking(List<Example> records) {
        double[] r = new double[records.size()];
        for (int i = 0; i < r.length; i++) {
            Provenance.Quality q = scores.get(records.get(i).id());
            r[i] = q == null ? 0 : q.score() == null ? -1 : q.score();
        }
        return r;
    }
}
