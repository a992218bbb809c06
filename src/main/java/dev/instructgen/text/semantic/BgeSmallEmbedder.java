package dev.instructgen.text.semantic;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

import java.util.ArrayList;
import java.util.List;

/**
 * BAAI's bge-small-en-v1.5 (quantized ONNX, 384 dimensions) running in-process: the model ships inside its
 * Maven jar, so nothing is downloaded at run time. The model is loaded on first use (about a second) and is
 * safe to call from several threads.
 *
 * <p>No query prefix is added: the BGE prefix is meant for short-query-to-passage retrieval, while we compare
 * instruction with instruction, a symmetric task. BGE places unrelated English sentences at a cosine of about
 * 0.5 to 0.7, so useful near-duplicate thresholds sit high (docs/quality.md).
 */
public final class BgeSmallEmbedder implements SentenceEmbedder {

    /** Texts per call into the model; larger batches do not pay on two cores. */
    private static final int BATCH = 32;

    private volatile EmbeddingModel model;

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public float[] embed(String text) {
        Embedding e = model().embed(text.isBlank() ? "-" : text).content();
        return SentenceEmbedder.normalise(e.vector());
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                    .map(t -> TextSegment.from(t.isBlank() ? "-" : t)).toList();
            for (Embedding e : model().embedAll(batch).content()) {
                vectors.add(SentenceEmbedder.normalise(e.vector()));
            }
        }
        return vectors;
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    // runs the model on the calling thread: the engine already bounds how many threads call in
                    m = new BgeSmallEnV15QuantizedEmbeddingModel(Runnable::run);
                    model = m;
                }
            }
        }
        return m;
    }
}
