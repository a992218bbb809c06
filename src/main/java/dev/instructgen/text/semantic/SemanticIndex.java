package dev.instructgen.text.semantic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The pool a new instruction must be semantically novel against: ROUGE-L misses paraphrases ("Name three rivers
 * in Europe" / "List 3 European rivers"), sentence embeddings catch them. A candidate whose cosine similarity to
 * any member exceeds the threshold is a semantic duplicate of that member.
 *
 * <p>Search is exact while the pool is small and switches to an approximate graph once it holds
 * {@code approximateFrom} members (the graph is built from every member at that moment, then grows). Embedding,
 * the expensive part, happens outside the lock; the check and the add are one atomic step, so two paraphrases
 * checked at the same moment cannot both get in. Thread-safe.
 */
public final class SemanticIndex {

    /** Above this many members the graph answers; below it brute force is both exact and faster. */
    public static final int DEFAULT_APPROXIMATE_FROM = 20_000;

    private final SentenceEmbedder embedder;
    private final double threshold;
    private final int approximateFrom;
    private final List<String> ids = new ArrayList<>();
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final List<float[]> vectors = new ArrayList<>();
    private final ExactVectorIndex exact = new ExactVectorIndex(vectors);
    private VectorIndex active = exact;

    public SemanticIndex(SentenceEmbedder embedder, double threshold, int approximateFrom) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be within (0, 1], was " + threshold);
        }
        this.threshold = threshold;
        this.approximateFrom = approximateFrom;
    }

    public SemanticIndex(SentenceEmbedder embedder, double threshold) {
        this(embedder, threshold, DEFAULT_APPROXIMATE_FROM);
    }

    /** The verdict on one candidate: novel or not, and the most similar member (null id in an empty pool). */
    public record Decision(boolean novel, String nearestId, double similarity) {
    }

    /** Adds members unconditionally (seeds, restored examples), embedding them in batches. */
    public void addAll(List<String> memberIds, List<String> texts) {
        List<float[]> vectors = embedder.embedAll(texts);
        synchronized (this) {
            for (int i = 0; i < vectors.size(); i++) {
                insert(memberIds.get(i), vectors.get(i));
            }
        }
    }

    public void add(String id, String text) {
        addAll(List.of(id), List.of(text));
    }

    /** The most similar member, without adding. */
    public Decision nearest(String text) {
        float[] v = embedder.embed(text);
        synchronized (this) {
            return decide(v);
        }
    }

    /** Atomically: when {@code text} is novel, adds it under {@code id}. */
    public Decision admit(String id, String text) {
        float[] v = embedder.embed(text);
        synchronized (this) {
            Decision d = decide(v);
            if (d.novel()) {
                insert(id, v);
            }
            return d;
        }
    }

    /**
     * The embedding of {@code text}, for callers that check and add in steps of their own ({@link #nearest(float[],
     * Set)}, {@link #add(String, float[])}) under their own lock, e.g. together with another index.
     */
    public float[] embed(String text) {
        return embedder.embed(text);
    }

    /** The most similar member to an embedding, leaving out {@code ignoredIds} (e.g. a candidate's lineage). */
    public synchronized Decision nearest(float[] vector, Set<String> ignoredIds) {
        if (ignoredIds.isEmpty()) {
            return decide(vector, null);
        }
        Set<Integer> skipped = new HashSet<>();
        for (String id : ignoredIds) {
            Integer ordinal = ordinals.get(id);
            if (ordinal != null) {
                skipped.add(ordinal);
            }
        }
        return decide(vector, skipped.isEmpty() ? null : ordinal -> !skipped.contains(ordinal));
    }

    /** Adds a member whose embedding the caller made with {@link #embed}. */
    public synchronized void add(String id, float[] vector) {
        insert(id, vector);
    }

    public synchronized int size() {
        return ids.size();
    }

    public double threshold() {
        return threshold;
    }

    /** True once searches go through the approximate graph. */
    public synchronized boolean approximate() {
        return active != exact;
    }

    private Decision decide(float[] v) {
        return decide(v, null);
    }

    /** @param accept the member ordinals that may answer, or null for all */
    private Decision decide(float[] v, IntPredicate accept) {
        Neighbour n = accept == null ? active.nearest(v) : active.nearest(v, accept);
        if (n == null) {
            return new Decision(true, null, 0.0);
        }
        // float rounding lets a text's cosine with itself reach 1.0000001; a cosine is at most 1
        double similarity = Math.min(1.0, n.similarity());
        return new Decision(!(similarity > threshold), ids.get(n.ordinal()), similarity);
    }

    private void insert(String id, float[] v) {
        if (v.length != embedder.dimension()) {
            throw new IllegalArgumentException("expected " + embedder.dimension() + " dimensions, got " + v.length);
        }
        int ordinal = ids.size();
        ids.add(id);
        ordinals.putIfAbsent(id, ordinal);
        vectors.add(v);
        exact.added(ordinal);
        if (active == exact && ids.size() >= approximateFrom) {
            active = new GraphVectorIndex(vectors, embedder.dimension());
        }
        if (active != exact) {
            active.added(ordinal);
        }
    }
}
