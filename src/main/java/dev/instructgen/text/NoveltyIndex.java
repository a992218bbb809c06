package dev.instructgen.text;

import java.util.Set;

/**
 * The growing pool of instructions that a new one must be novel against (Self-Instruct, Wang et al. 2023, §2.3:
 * reject when ROUGE-L F1 against any pool member exceeds the threshold).
 *
 * <p>Thread-safe: the engine checks and adds from many threads. {@link #admit} is atomic, so two near-identical
 * candidates checked at the same moment cannot both get in.
 */
public interface NoveltyIndex {

    /** Adds a pool member unconditionally (seeds, or examples restored on resume). */
    void add(String id, String text);

    /** Exact maximum ROUGE-L F1 of {@code text} against the pool and the member that reaches it. */
    Similarity nearest(String text);

    /**
     * Atomically: if {@code text} is novel (max F1 &lt;= threshold, ignoring {@code ignoredIds}), adds it under
     * {@code id}. Returns the decision with the exact maximum and most similar member for provenance.
     */
    NoveltyDecision admit(String id, String text, Set<String> ignoredIds);

    /**
     * Decision only: true when no member's ROUGE-L F1 with {@code text} exceeds the threshold. Implementations may
     * answer this faster than {@link #nearest} because they can stop at the first member over the threshold.
     */
    default boolean isNovel(String text) {
        return !(nearest(text).score() > threshold());
    }

    default NoveltyDecision admit(String id, String text) {
        return admit(id, text, Set.of());
    }

    int size();

    /** The index every command uses: the fast exact {@link RougeLIndex}. */
    static NoveltyIndex create(TokenizerKind tokenizer, double threshold) {
        return new RougeLIndex(Tokenizer.of(tokenizer), threshold);
    }

    double threshold();
}
