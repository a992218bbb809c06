package dev.instructgen.method.curate;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.filter.Verdict;
import dev.instructgen.filter.quality.LlmJudge;
import dev.instructgen.filter.quality.QualityCandidate;
import dev.instructgen.filter.quality.QualityFilters;
import dev.instructgen.pipeline.GenerationMethod;
import dev.instructgen.pipeline.Job;
import dev.instructgen.pipeline.JobSource;
import dev.instructgen.pipeline.Priorities;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.Stage;
import dev.instructgen.pipeline.StageGraph;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One curate run on the engine. The stage {@code curate} makes the decisions that depend on order (the semantic
 * pool: the first of two paraphrases is kept) one record at a time, in input order or with --top in the order of
 * {@link DiversePicker}, so a resumed run makes the same decisions. With {@code --judge}, the judge's requests run
 * in a stage of their own, {@code quality-judge}, as many at once as --concurrency allows:
 * <ul>
 *   <li>without --top, a record that passes decontamination and the semantic look-up is handed to the judge; one
 *       the judge keeps then joins the semantic pool (atomically, so of two paraphrases judged at once one is kept);
 *   <li>with --top, every record is judged first (Deita's score-first selection needs every score), then the
 *       picker takes the best scores first, ties toward diversity, through the semantic filter up to N.
 * </ul>
 * Each decision is one appended line. On resume the records already in examples.jsonl or rejected.jsonl are
 * skipped, the kept ones refill the semantic pool and the picker first, and --top's scores come back from the
 * {@link ScoreCheckpoint} (saved every second and at the end), so no record on disk is judged again.
 */
final class CurateRun implements GenerationMethod.MethodRun {

    static final String STAGE = "curate";

    private final RunContext ctx;
    private final List<Example> records;
    private final QualityFilters filters;
    private final CurateJudge judge;
    private final Function<double[], DiversePicker> pickerFor;
    private final ScoreCheckpoint scores;
    private final Stage<Integer> decide;
    private final Stage<Integer> judging;
    private final StageGraph graph;
    private final Set<String> decided = new HashSet<>();
    private final Set<String> kept = new HashSet<>();
    private final AtomicBoolean deciding = new AtomicBoolean();
    private final AtomicInteger judgingInFlight = new AtomicInteger();
    private DiversePicker picker;
    private int cursor;
    private int judgeCursor;
    private boolean done;

    /**
     * @param judge     the judge, or null without --judge
     * @param pickerFor the --top order for the given scores (one per record), or null for input order
     */
    CurateRun(RunContext ctx, List<Example> records, QualityFilters filters, CurateJudge judge,
              Function<double[], DiversePicker> pickerFor) {
        this.ctx = ctx;
        this.records = records;
        this.filters = filters;
        this.judge = judge;
        this.pickerFor = pickerFor;
        this.scores = judge != null && pickerFor != null ? ScoreCheckpoint.restore(ctx) : null;
        this.decide = Stage.of(STAGE, Priorities.FINISH, (index, handOff) -> decide(index, handOff));
        StageGraph.Builder stages = StageGraph.builder().stage(decide);
        if (judge != null) {
            this.judging = Stage.of(LlmJudge.STAGE, Priorities.FINISH - 1, (index, handOff) -> judge(index));
            stages.stage(judging).edge(decide, judging);
        } else {
            this.judging = null;
        }
        this.graph = stages.build();
        restore();
        if (pickerFor != null && scores == null) {
            picker = restoredPicker(new double[records.size()]);
        }
    }

    private void restore() {
        for (Example e : ctx.restoredExamples()) {
            decided.add(e.id());
            kept.add(e.id());
        }
        if (ctx.resumed()) {
            ctx.journal().restoredRejections().forEach(r -> decided.add(r.id()));
        }
        for (Example e : records) {
            if (kept.contains(e.id())) {
                filters.remember(candidate(e));
            }
        }
    }

    /** The picker with the earlier sessions' decisions taken out and their kept records counted. */
    private DiversePicker restoredPicker(double[] ranking) {
        DiversePicker p = pickerFor.apply(ranking);
        for (int i = 0; i < records.size(); i++) {
            String id = records.get(i).id();
            if (decided.contains(id) || (scores != null && !scores.has(id))) {
                p.take(i);
            }
            if (kept.contains(id)) {
                p.kept(i);
            }
        }
        return p;
    }

    /** The order-dependent decision on one record (one at a time). */
    private void decide(int index, Stage.HandOff handOff) {
        try {
            Example e = records.get(index);
            QualityCandidate c = candidate(e);
            if (judge == null) {
                ctx.stats().onProposed(1);
                decided(index, e, filters.chain().check(c), null);
            } else if (scores == null) {
                ctx.stats().onProposed(1);
                Verdict v = filters.screen(c);
                if (v instanceof Verdict.Reject r) {
                    reject(e, STAGE, r, null);
                } else {
                    judgingInFlight.incrementAndGet();
                    handOff.to(judging, index);
                }
            } else {
                Provenance.Quality q = scores.get(e.id());
                Verdict v = filters.admit(c);
                if (decided(index, e, v, q)) {
                    judge.count(CurateJudge.restored(q), true);
                }
            }
        } finally {
            deciding.set(false);
        }
    }

    /** One judge request (two when the first verdict is unreadable); runs concurrently with others. */
    private void judge(int index) {
        try {
            Example e = records.get(index);
            if (scores != null) {
                ctx.stats().onProposed(1);
                if (filters.decontaminate(candidate(e)) instanceof Verdict.Reject r) {
                    reject(e, STAGE, r, null);
                    return;
                }
            }
            LlmJudge.Judgement j = judge.judge(e);
            if (j.verdict() instanceof Verdict.Reject r) {
                reject(e, LlmJudge.STAGE, r, j.score());
                judge.count(j, false);
            } else if (scores != null) {
                scores.put(e.id(), j.quality(), ctx);
            } else if (decided(index, e, filters.admit(candidate(e)), j.quality())) {
                judge.count(j, true);
            }
        } finally {
            judgingInFlight.decrementAndGet();
        }
    }

    /** Writes the record kept or rejected by {@code v}; true when kept. */
    private boolean decided(int index, Example e, Verdict v, Provenance.Quality quality) {
        if (v instanceof Verdict.Reject r) {
            reject(e, STAGE, r, quality == null ? null : quality.score());
            return false;
        }
        boolean accepted = ctx.accept(quality == null ? e : judge.judged(e, quality));
        if (accepted && picker != null) {
            picker.kept(index);
        }
        return accepted;
    }

    private void reject(Example e, String stage, Verdict.Reject r, Double score) {
        ctx.reject(new Rejection(e.id(), stage, r.reason(), r.detail(), e.instruction(), e.input(), e.output(),
                List.of(), Rejection.now(ctx.clock()), score));
    }

    static QualityCandidate candidate(Example e) {
        return new QualityCandidate(e.id(), e.instruction(), e.input(), e.output());
    }

    @Override
    public StageGraph stages() {
        return graph;
    }

    @Override
    public JobSource source(StageGraph.Jobs jobs) {
        return new JobSource() {
            @Override
            public Job next() {
                if (scores != null && picker == null) {
                    Job scoring = nextScoring(jobs);
                    if (scoring != null || judgingInFlight.get() > 0) {
                        return scoring;
                    }
                    scores.save(ctx);
                    picker = restoredPicker(scores.ranking(records));
                }
                if (done || !deciding.compareAndSet(false, true)) {
                    return null;
                }
                int index = nextIndex();
                if (index < 0) {
                    done = true;
                    deciding.set(false);
                    return null;
                }
                return jobs.job(decide, index);
            }

            @Override
            public boolean exhausted() {
                return done && judgingInFlight.get() == 0;
            }
        };
    }

    /** --top with --judge, first phase: a judge job for the next record neither decided nor scored. */
    private Job nextScoring(StageGraph.Jobs jobs) {
        while (judgeCursor < records.size()) {
            int i = judgeCursor++;
            String id = records.get(i).id();
            if (!decided.contains(id) && !scores.has(id)) {
                judgingInFlight.incrementAndGet();
                return jobs.job(judging, i);
            }
        }
        return null;
    }

    private int nextIndex() {
        if (picker != null) {
            return picker.next();
        }
        while (cursor < records.size()) {
            int i = cursor++;
            if (!decided.contains(records.get(i).id())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        if (scores != null) {
            scores.save(ctx);
        }
    }
}
