package dev.instructgen.text.semantic;

import dev.instructgen.text.RougeL;
import dev.instructgen.text.RougeScoreTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reason the semantic filter exists, with the real in-process model: paraphrases that ROUGE-L lets through
 * (F1 well under Self-Instruct's 0.7) are caught at the documented threshold, and different tasks are kept.
 */
class SemanticDuplicatesTest {

    /** The threshold docs/quality.md recommends for bge-small-en-v1.5. */
    static final double THRESHOLD = 0.85;

    static final List<List<String>> PARAPHRASES = List.of(
            List.of("Name three rivers in Europe.", "List 3 European rivers."),
            List.of("Give me a recipe for pancakes.", "How do I make pancakes? Provide the steps."),
            List.of("Translate the sentence into French.", "Render this sentence in French."),
            List.of("Summarize the following article in two sentences.",
                    "Write a two-sentence summary of this article."),
            List.of("What is the capital of Australia?", "Which city is Australia's capital?"),
            List.of("Explain how photosynthesis works to a child.",
                    "Describe photosynthesis in terms a kid could understand."),
            List.of("Convert 100 degrees Fahrenheit to Celsius.", "What is 100 F in Celsius?"),
            List.of("Find the grammatical errors in the text.", "Identify any grammar mistakes in this passage."));

    static final List<List<String>> DIFFERENT_TASKS = List.of(
            List.of("Name three rivers in Europe.", "Write a haiku about autumn leaves."),
            List.of("Give me a recipe for pancakes.", "Explain how photosynthesis works to a child."),
            List.of("Translate the sentence into French.", "What is the capital of Australia?"),
            List.of("List 3 European rivers.", "List 3 European painters."),
            List.of("Write a poem about the sea.", "Write a poem about the mountains."),
            List.of("Sort these numbers in ascending order.", "Sort these words alphabetically."),
            List.of("What are the benefits of exercise?", "What are the risks of smoking?"),
            List.of("Write a cover letter for a software engineering job.",
                    "Write a resignation letter to my manager."));

    static SentenceEmbedder model;

    @BeforeAll
    static void loadTheModelOnce() {
        model = new BgeSmallEmbedder();
    }

    @Test
    void every_paraphrase_pair_is_novel_to_rouge_l_but_a_semantic_duplicate() {
        RougeScoreTokenizer words = new RougeScoreTokenizer();
        for (List<String> pair : PARAPHRASES) {
            assertThat(RougeL.f1(words.tokenize(pair.get(1)), words.tokenize(pair.get(0))))
                    .as("ROUGE-L of %s", pair).isLessThan(0.7);
            SemanticIndex index = new SemanticIndex(model, THRESHOLD);
            index.add("first", pair.get(0));

            SemanticIndex.Decision d = index.admit("second", pair.get(1));

            assertThat(d.novel()).as("%s (cosine %.3f)", pair, d.similarity()).isFalse();
            assertThat(d.nearestId()).isEqualTo("first");
        }
    }

    @Test
    void pairs_of_different_tasks_are_both_kept_even_when_they_share_most_words() {
        for (List<String> pair : DIFFERENT_TASKS) {
            SemanticIndex index = new SemanticIndex(model, THRESHOLD);
            index.add("first", pair.get(0));

            SemanticIndex.Decision d = index.admit("second", pair.get(1));

            assertThat(d.novel()).as("%s (cosine %.3f)", pair, d.similarity()).isTrue();
            assertThat(index.size()).isEqualTo(2);
        }
    }

    @Test
    void vectors_are_unit_length_and_identical_text_scores_one() {
        float[] a = model.embed("Name three rivers in Europe.");
        List<float[]> batch = model.embedAll(List.of("Name three rivers in Europe.", "Something else."));

        assertThat(a).hasSize(model.dimension());
        assertThat(SentenceEmbedder.dot(a, a)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(SentenceEmbedder.dot(a, batch.get(0))).isGreaterThan(0.999);
    }
}
