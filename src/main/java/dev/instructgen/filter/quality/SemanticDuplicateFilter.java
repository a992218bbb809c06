package dev.instructgen.filter.quality;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.Filter;
import dev.instructgen.filter.Verdict;
import dev.instructgen.text.semantic.SemanticIndex;

import java.util.Locale;

/**
 * Semantic near-duplicates: ROUGE-L misses paraphrases ("Name three rivers in Europe" / "List 3 European
 * rivers"), sentence embeddings catch them. The candidate's prompt (instruction plus input where present) is
 * embedded; when its cosine similarity to a member of the index exceeds the threshold it is rejected as
 * {@link RejectionReason#SEMANTIC_DUPLICATE}, naming the nearest member, otherwise it joins the index in the same
 * atomic step ({@link SemanticIndex#admit}), so the first of two paraphrases is the one kept.
 */
public final class SemanticDuplicateFilter implements Filter<QualityCandidate> {

    private final SemanticIndex index;

    public SemanticDuplicateFilter(SemanticIndex index) {
        this.index = index;
    }

    @Override
    public Verdict check(QualityCandidate candidate) {
        return verdict(index.admit(candidate.id(), candidate.prompt()));
    }

    /** The same verdict without joining the pool (a check before a judge, whose keep decides the join). */
    public Verdict lookUp(QualityCandidate candidate) {
        return verdict(index.nearest(candidate.prompt()));
    }

    private Verdict verdict(SemanticIndex.Decision d) {
        if (d.novel()) {
            return Verdict.accept();
        }
        return Verdict.reject(RejectionReason.SEMANTIC_DUPLICATE, String.format(Locale.ROOT,
                "cosine %.3f > %.2f with %s", d.similarity(), index.threshold(), d.nearestId()));
    }

    /** Adds a member unconditionally: a seed, or an example restored on resume. */
    public void remember(String id, String prompt) {
        index.add(id, prompt);
    }

    public SemanticIndex index() {
        return index;
    }
}
