package dev.instructgen.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The reference novelty check: scores a candidate against every pool member with the plain DP. Correct and
 * simple, and slow past a few thousand members; the baseline for benchmarks and for property tests.
 */
public final class ExhaustiveNoveltyIndex implements NoveltyIndex {

    private final Tokenizer tokenizer;
    private final double threshold;
    private final List<String> ids = new ArrayList<>();
    private final List<List<String>> tokens = new ArrayList<>();

    public ExhaustiveNoveltyIndex(Tokenizer tokenizer, double threshold) {
        this.tokenizer = tokenizer;
        this.threshold = threshold;
    }

    @Override
    public synchronized void add(String id, String text) {
        ids.add(id);
        tokens.add(tokenizer.tokenize(text));
    }

    @Override
    public synchronized Similarity nearest(String text) {
        return nearest(tokenizer.tokenize(text), Set.of());
    }

    private Similarity nearest(List<String> candidate, Set<String> ignoredIds) {
        double best = 0.0;
        String bestId = null;
        for (int i = 0; i < tokens.size(); i++) {
            if (ignoredIds.contains(ids.get(i))) {
                continue;
            }
            double f = RougeL.f1(candidate, tokens.get(i));
            if (f > best) {
                best = f;
                bestId = ids.get(i);
            }
        }
        return new Similarity(best, bestId);
    }

    @Override
    public synchronized NoveltyDecision admit(String id, String text, Set<String> ignoredIds) {
        List<String> candidate = tokenizer.tokenize(text);
        Similarity nearest = nearest(candidate, ignoredIds);
        boolean novel = !(nearest.score() > threshold);
        if (novel) {
            ids.add(id);
            tokens.add(candidate);
        }
        return new NoveltyDecision(novel, nearest);
    }

    @Override
    public synchronized int size() {
        return ids.size();
    }

    @Override
    public double threshold() {
        return threshold;
    }
}
