package dev.instructgen.text.semantic;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemanticIndexTest {

    private final SentenceEmbedder words = new HashingEmbedder(64);

    @Test
    void an_empty_pool_admits_anything_and_names_no_neighbour() {
        SemanticIndex index = new SemanticIndex(words, 0.9);

        SemanticIndex.Decision d = index.admit("a", "rivers of europe");

        assertThat(d.novel()).isTrue();
        assertThat(d.nearestId()).isNull();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void a_candidate_over_the_threshold_is_refused_and_names_the_member_it_repeats() {
        SemanticIndex index = new SemanticIndex(words, 0.9);
        index.addAll(List.of("rivers", "poem"), List.of("rivers of europe", "a poem about the sea"));

        SemanticIndex.Decision d = index.admit("again", "Rivers of Europe!");

        assertThat(d.novel()).isFalse();
        assertThat(d.nearestId()).isEqualTo("rivers");
        assertThat(d.similarity()).isGreaterThan(0.99);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void a_similarity_equal_to_the_threshold_is_still_novel_only_exceeding_it_rejects() {
        SemanticIndex index = new SemanticIndex(words, 1.0);
        index.add("rivers", "rivers of europe");

        assertThat(index.admit("same", "rivers of europe").novel()).isTrue();
    }

    @Test
    void the_threshold_must_lie_in_the_unit_interval() {
        assertThatThrownBy(() -> new SemanticIndex(words, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SemanticIndex(words, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void two_copies_admitted_at_the_same_moment_do_not_both_get_in() throws Exception {
        SemanticIndex index = new SemanticIndex(words, 0.95);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SemanticIndex.Decision>> decisions = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String id = "copy-" + i;
                decisions.add(pool.submit(() -> index.admit(id, "write a letter to my landlord")));
            }
            long admitted = 0;
            for (Future<SemanticIndex.Decision> d : decisions) {
                admitted += d.get(10, TimeUnit.SECONDS).novel() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(1);
            assertThat(index.size()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void past_the_switch_the_graph_finds_the_same_near_copies_as_brute_force() {
        SplittableRandom random = new SplittableRandom(7);
        List<float[]> members = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            members.add(randomUnit(random, 32));
        }
        VectorIndexes both = new VectorIndexes(members, 32);

        int found = 0;
        int queries = 200;
        for (int q = 0; q < queries; q++) {
            int target = random.nextInt(members.size());
            float[] nearCopy = perturb(members.get(target), random, 0.05);
            Neighbour exact = both.exact().nearest(nearCopy);
            Neighbour approximate = both.graph().nearest(nearCopy);
            assertThat(exact.ordinal()).isEqualTo(target);
            found += approximate.ordinal() == exact.ordinal() ? 1 : 0;
            assertThat(approximate.similarity()).isLessThanOrEqualTo(exact.similarity() + 1e-9);
        }
        assertThat(found).as("recall of the graph on near copies").isGreaterThanOrEqualTo(queries * 98 / 100);
    }

    @Test
    void the_index_switches_to_the_graph_at_the_configured_size_and_keeps_answering() {
        SemanticIndex index = new SemanticIndex(words, 0.95, 50);
        for (int i = 0; i < 49; i++) {
            index.add("t" + i, "task number " + i + " about topic " + (i * 7919 % 1000));
        }
        assertThat(index.approximate()).isFalse();
        index.add("t49", "task number 49 about topic 811");

        assertThat(index.approximate()).isTrue();
        SemanticIndex.Decision d = index.admit("again", "task number 12 about topic " + (12 * 7919 % 1000));
        assertThat(d.novel()).isFalse();
        assertThat(d.nearestId()).isEqualTo("t12");
    }

    /** Brute force and graph over one shared list of vectors. */
    record VectorIndexes(ExactVectorIndex exact, GraphVectorIndex graph) {
        VectorIndexes(List<float[]> members, int dimension) {
            this(new ExactVectorIndex(members), new GraphVectorIndex(members, dimension));
            for (int i = 0; i < members.size(); i++) {
                exact.added(i);
                graph.added(i);
            }
        }
    }

    static float[] randomUnit(SplittableRandom random, int dimension) {
        float[] v = new float[dimension];
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return SentenceEmbedder.normalise(v);
    }

    static float[] perturb(float[] v, SplittableRandom random, double amount) {
        float[] copy = v.clone();
        for (int i = 0; i < copy.length; i++) {
            copy[i] += (float) (random.nextGaussian() * amount);
        }
        return SentenceEmbedder.normalise(copy);
    }
}
