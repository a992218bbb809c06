package dev.instructgen.method.curate;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.filter.Verdict;
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

/**
 * One curate run on the engine: a single stage, {@code curate}, that runs a record through the quality filters and
 * writes it to examples.jsonl or rejected.jsonl. Records are taken in input order, or with --top in the diversity
 * order of {@link DiversePicker}, one at a time (the run's concurrency is 1) so that "the first of two duplicates
 * is kept" means the first in that order, and a resumed run makes the same decisions.
 *
 * <p>On resume every record already in examples.jsonl or rejected.jsonl is skipped, and the kept ones refill the
 * semantic index and the picker before any new record is checked.
 */
final class CurateRun implements GenerationMethod.MethodRun {

    static final String STAGE = "curate";

    private final RunContext ctx;
    private final List<Example> records;
    private final QualityFilters filters;
    private final DiversePicker picker;
    private final Stage<Integer> stage;
    private final StageGraph graph;
    private Set<String> skipped;
    private int cursor;
    private boolean done;

    /** @param picker the --top order, or null for input order */
    CurateRun(RunContext ctx, List<Example> records, QualityFilters filters, DiversePicker picker) {
        this.ctx = ctx;
        this.records = records;
        this.filters = filters;
        this.picker = picker;
        this.stage = Stage.of(STAGE, Priorities.FINISH, (index, handOff) -> curate(index));
        this.graph = StageGraph.builder().stage(stage).build();
        restore();
    }

    private void restore() {
        Set<String> decided = new HashSet<>();
        Set<String> kept = new HashSet<>();
        for (Example e : ctx.restoredExamples()) {
            decided.add(e.id());
            kept.add(e.id());
        }
        if (ctx.resumed()) {
            ctx.journal().restoredRejections().forEach(r -> decided.add(r.id()));
        }
        for (int i = 0; i < records.size(); i++) {
            Example e = records.get(i);
            if (!decided.contains(e.id())) {
                continue;
            }
            if (picker != null) {
                picker.take(i);
            }
            if (kept.contains(e.id())) {
                filters.remember(candidate(e));
                if (picker != null) {
                    picker.kept(i);
                }
            }
        }
        skipped = decided;
    }

    private void curate(int index) {
        Example e = records.get(index);
        ctx.stats().onProposed(1);
        Verdict verdict = filters.chain().check(candidate(e));
        if (verdict instanceof Verdict.Reject r) {
            ctx.reject(new Rejection(e.id(), STAGE, r.reason(), r.detail(), e.instruction(), e.input(), e.output(),
                    List.of(), Rejection.now(ctx.clock())));
        } else if (ctx.accept(e) && picker != null) {
            picker.kept(index);
        }
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
                int index = nextIndex();
                return index < 0 ? null : jobs.job(stage, index);
            }

            @Override
            public boolean exhausted() {
                return picker == null ? cursor >= records.size() : done;
            }
        };
    }

    private int nextIndex() {
        if (picker != null) {
            int i = picker.next();
            done = i < 0;
            return i;
        }
        while (cursor < records.size()) {
            int i = cursor++;
            if (!skipped.contains(records.get(i).id())) {
                return i;
            }
        }
        return -1;
    }
}
