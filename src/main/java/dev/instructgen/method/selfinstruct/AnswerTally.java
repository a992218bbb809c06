package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Rejection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The answer pass's counters, the {@code answer} section of stats.json: examples written with an answer of the pass,
 * answers rejected ({@code answer_cut_off}, {@code empty_answer}), and classification instances written with
 * their own label. A resumed run rebuilds them from what is on disk ({@link #restore}): provenance.answer of the
 * examples and the {@code answer} stage of rejected.jsonl, so nothing answered is asked again or uncounted.
 */
final class AnswerTally {

    private final AnswerSetup setup;
    private final LongAdder answered = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder labelsKept = new LongAdder();

    AnswerTally(AnswerSetup setup) {
        this.setup = setup;
    }

    /** An example was written: answered by the pass, or a classification instance that kept its label. */
    void written(Example e) {
        if (e.provenance() != null && e.provenance().answer() != null) {
            answered.increment();
        } else if (e.isClassification() && !setup.scope().covers(true)) {
            labelsKept.increment();
        }
    }

    void rejected() {
        rejected.increment();
    }

    /** Counts what earlier sessions of the run wrote. */
    void restore(List<Example> examples, List<Rejection> rejections) {
        examples.forEach(this::written);
        rejections.stream().filter(r -> AnswerSetup.STAGE.equals(r.stage())).forEach(r -> rejected.increment());
    }

    /** The stats.json section: the answer model, scope, answered, rejected, labels_kept. */
    Map<String, Object> snapshot() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", setup.teacher().model());
        m.put("scope", setup.scope().key());
        m.put("answered", answered.sum());
        m.put("rejected", rejected.sum());
        m.put("labels_kept", labelsKept.sum());
        return m;
    }
}
