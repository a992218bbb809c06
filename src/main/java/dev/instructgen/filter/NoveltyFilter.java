package dev.instructgen.filter;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.text.NoveltyDecision;
import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.Similarity;

import java.util.Set;

/**
 * The ROUGE-L novelty check (Self-Instruct, Wang et al. 2023, section 2.3): a candidate whose ROUGE-L F1 against
 * any pool member exceeds the threshold is rejected as {@link RejectionReason#TOO_SIMILAR}, a novel one joins the
 * pool in the same atomic step ({@link NoveltyIndex#admit}), so two near-identical candidates checked at the same
 * moment cannot both get in. Because passing the check changes the pool, callers that need the nearest member for
 * provenance use {@link #admit}; {@link #check} is the same step as a plain verdict.
 *
 * <p>"Novelty off" is {@link #off()}: it accepts everything, measures nothing and remembers nothing.
 */
public interface NoveltyFilter extends Filter<NoveltyFilter.Candidate> {

    /**
     * @param id         the id the candidate joins the pool under when novel
     * @param ignoredIds pool members it is not compared with (in Evol-Instruct, its own lineage)
     */
    record Candidate(String id, String text, Set<String> ignoredIds) {
        public Candidate {
            ignoredIds = Set.copyOf(ignoredIds);
        }

        public Candidate(String id, String text) {
            this(id, text, Set.of());
        }
    }

    /** The verdict and the most similar member measured on the way, or null when nothing was measured. */
    record Admission(Verdict verdict, Similarity nearest) {
    }

    /** Each method words the rejection detail its own way (its docs show it), e.g. naming the similar text. */
    @FunctionalInterface
    interface Detail {
        String describe(Similarity nearest, double threshold);
    }

    /** Checks the candidate and, when novel, adds it to the pool. */
    Admission admit(Candidate candidate);

    /** Adds a pool member unconditionally (inputs, seeds, or examples restored on resume). */
    void remember(String id, String text);

    @Override
    default Verdict check(Candidate candidate) {
        return admit(candidate).verdict();
    }

    /** The check against {@code pool}, with its threshold. */
    static NoveltyFilter over(NoveltyIndex pool, Detail detail) {
        return new Pool(pool, detail);
    }

    /** Novelty off: every candidate passes and nothing is measured or kept. */
    static NoveltyFilter off() {
        return Off.INSTANCE;
    }

    /** The check against a pool, behind {@link #over}. */
    record Pool(NoveltyIndex index, Detail detail) implements NoveltyFilter {
        @Override
        public Admission admit(Candidate c) {
            NoveltyDecision d = index.admit(c.id(), c.text(), c.ignoredIds());
            return new Admission(d.novel() ? Verdict.accept() : Verdict.reject(RejectionReason.TOO_SIMILAR,
                    detail.describe(d.nearest(), index.threshold())), d.nearest());
        }

        @Override
        public void remember(String id, String text) {
            index.add(id, text);
        }
    }

    /** The null object behind {@link #off()}. */
    enum Off implements NoveltyFilter {
        INSTANCE;

        private static final Admission PASS = new Admission(Verdict.accept(), null);

        @Override
        public Admission admit(Candidate candidate) {
            return PASS;
        }

        @Override
        public void remember(String id, String text) {
            // nothing to compare against later
        }
    }
}
