package dev.instructgen.filter.quality;

import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.filter.Verdict;
import dev.instructgen.text.semantic.SemanticIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A generating method's novelty check with semantic near-duplicates joined to it ({@code --semantic-dedup}): a
 * candidate must be novel to the sentence-embedding index and then to the method's own check (ROUGE-L, or none),
 * and joins both only when both let it in. The three steps run under one lock, after the embedding (the costly part)
 * was made outside it, so the two pools always hold the same members and two paraphrases checked at once cannot
 * both get in. The semantic check comes first because it alone can run without changing its pool: a candidate both
 * would turn down is counted as {@code semantic_duplicate}.
 *
 * <p>Members remembered at the start (inputs, seeds, examples restored on resume) are embedded in one batch
 * before the first check rather than one at a time.
 */
public final class SemanticNoveltyFilter implements NoveltyFilter {

    private final NoveltyFilter inner;
    private final SemanticIndex index;
    private final Function<String, String> describe;
    private final List<String> pendingIds = new ArrayList<>();
    private final List<String> pendingTexts = new ArrayList<>();

    /**
     * @param inner    the method's own novelty check, or {@link NoveltyFilter#off()}
     * @param describe how a rejection names the member it duplicates, from the member's id
     */
    public SemanticNoveltyFilter(NoveltyFilter inner, SemanticIndex index, Function<String, String> describe) {
        this.inner = inner;
        this.index = index;
        this.describe = describe;
    }

    @Override
    public Admission admit(Candidate candidate) {
        flush();
        float[] vector = index.embed(candidate.text());
        synchronized (this) {
            SemanticIndex.Decision d = index.nearest(vector, candidate.ignoredIds());
            if (!d.novel()) {
                return new Admission(Verdict.reject(RejectionReason.SEMANTIC_DUPLICATE, String.format(Locale.ROOT,
                        "cosine %.3f > %.2f with %s", d.similarity(), index.threshold(),
                        describe.apply(d.nearestId()))), null);
            }
            Admission admission = inner.admit(candidate);
            if (admission.verdict().accepted()) {
                index.add(candidate.id(), vector);
            }
            return admission;
        }
    }

    /** Adds a member to both pools; its embedding waits for the batch made before the next check. */
    @Override
    public void remember(String id, String text) {
        inner.remember(id, text);
        rememberSemantically(id, text);
    }

    /** Adds a member to the semantic pool only: one the method's own pool already holds (e.g. a seed). */
    public synchronized void rememberSemantically(String id, String text) {
        pendingIds.add(id);
        pendingTexts.add(text);
    }

    private synchronized void flush() {
        if (!pendingIds.isEmpty()) {
            index.addAll(List.copyOf(pendingIds), List.copyOf(pendingTexts));
            pendingIds.clear();
            pendingTexts.clear();
        }
    }

    /** Members so far, those waiting for their embedding included. */
    public synchronized int size() {
        return index.size() + pendingIds.size();
    }
}
