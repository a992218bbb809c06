package dev.instructgen.method.curate;

import dev.instructgen.text.semantic.SentenceEmbedder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the vectors of texts embedded once, so that --top's diversity order and the semantic filter share one
 * embedding per record (embedding is the costly part, docs/benchmarks.md).
 */
final class CachedEmbedder implements SentenceEmbedder {

    private final SentenceEmbedder model;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    CachedEmbedder(SentenceEmbedder model) {
        this.model = model;
    }

    @Override
    public int dimension() {
        return model.dimension();
    }

    @Override
    public float[] embed(String text) {
        return cache.computeIfAbsent(text, model::embed).clone();
    }

    /** Embeds every text in batches and keeps the vectors; returns them in order. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = model.embedAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            cache.putIfAbsent(texts.get(i), vectors.get(i));
        }
        return vectors;
    }
}
