package dev.instructgen.text.semantic;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;

import java.util.ArrayList;
import java.util.List;

/**
 * Approximate nearest neighbour search over a proximity graph (JVector's Vamana/DiskANN-style graph with an
 * HNSW-like hierarchy), grown one node at a time. A search visits a few hundred nodes instead of every member;
 * the best {@link #CANDIDATES} it returns are re-scored exactly, so the similarity reported is the true cosine
 * of the member found. Recall against {@link ExactVectorIndex} is measured in docs/benchmarks.md.
 */
final class GraphVectorIndex implements VectorIndex {

    /** Graph degree and construction beam: JVector's usual values for a few hundred dimensions. */
    private static final int DEGREE = 16;
    private static final int BEAM = 100;
    /**
     * Graph results re-scored exactly. docs/benchmarks.md ("Semantic near-duplicates") measured 10, 50 and 100
     * side by side: 100 agrees with exact search on 97.5% of keep/drop decisions at 100k members (10: 93.3%)
     * for about 0.3 ms more per check.
     */
    static final int CANDIDATES = 100;

    private static final VectorTypeSupport TYPES = VectorizationProvider.getInstance().getVectorTypeSupport();

    private final List<float[]> vectors;
    private final List<VectorFloat<?>> wrapped = new ArrayList<>();
    private final ListRandomAccessVectorValues values;
    private final GraphIndexBuilder builder;

    GraphVectorIndex(List<float[]> vectors, int dimension) {
        this.vectors = vectors;
        this.values = new ListRandomAccessVectorValues(wrapped, dimension);
        BuildScoreProvider scores = BuildScoreProvider.randomAccessScoreProvider(values,
                VectorSimilarityFunction.DOT_PRODUCT);
        this.builder = new GraphIndexBuilder(scores, dimension, DEGREE, BEAM, 1.2f, 1.2f, true);
    }

    @Override
    public void added(int ordinal) {
        while (wrapped.size() <= ordinal) {
            int next = wrapped.size();
            // wraps the shared array, no copy
            VectorFloat<?> v = TYPES.createFloatVector(vectors.get(next));
            wrapped.add(v);
            builder.addGraphNode(next, v);
        }
    }

    @Override
    public Neighbour nearest(float[] unit) {
        return search(unit, Bits.ALL);
    }

    @Override
    public Neighbour nearest(float[] unit, java.util.function.IntPredicate accept) {
        return search(unit, accept::test);
    }

    /** The nearest member found when the graph search keeps {@code candidates} results (benchmarks compare). */
    Neighbour nearest(float[] unit, int candidates) {
        return search(unit, Bits.ALL, candidates);
    }

    private Neighbour search(float[] unit, Bits accept) {
        return search(unit, accept, CANDIDATES);
    }

    private Neighbour search(float[] unit, Bits accept, int candidates) {
        if (wrapped.isEmpty()) {
            return null;
        }
        SearchResult result = GraphSearcher.search(TYPES.createFloatVector(unit),
                Math.min(candidates, wrapped.size()), values, VectorSimilarityFunction.DOT_PRODUCT,
                builder.getGraph(), accept);
        Neighbour best = null;
        for (SearchResult.NodeScore node : result.getNodes()) {
            double exact = SentenceEmbedder.dot(vectors.get(node.node), unit);
            if (best == null || exact > best.similarity()) {
                best = new Neighbour(node.node, exact);
            }
        }
        return best;
    }
}
