package dev.instructgen.text.overlap;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkIndexTest {

    static final String GSM = "Natalia sold clips to 48 of her friends in April, and then she sold half as many "
            + "clips in May. How many clips did Natalia sell altogether in April and May?";
    static final String TRIVIA = "Which planet in our solar system has the most moons according to the count "
            + "published in 2023?";

    private BenchmarkIndex index() {
        BenchmarkIndex index = new BenchmarkIndex(BenchmarkIndex.DEFAULT_NGRAM, BenchmarkIndex.DEFAULT_ROUGE_THRESHOLD);
        index.add(new BenchmarkItem("gsm8k.jsonl", 1, GSM));
        index.add(new BenchmarkItem("trivia.txt", 7, TRIVIA));
        index.add(new BenchmarkItem("short.txt", 3, "Paris"));
        return index;
    }

    @Test
    void an_item_copied_verbatim_into_a_longer_text_is_found_by_a_shared_13_gram_naming_file_and_line() {
        Optional<Contamination> hit = index().check("Solve this word problem step by step. " + GSM);

        assertThat(hit).isPresent();
        assertThat(hit.get().kind()).isEqualTo(Contamination.Kind.NGRAM);
        assertThat(hit.get().item().where()).isEqualTo("gsm8k.jsonl:1");
        assertThat(hit.get().detail()).contains("gsm8k.jsonl:1").contains("natalia sold clips");
        assertThat(hit.get().sharedWords().split(" ")).hasSize(13);
    }

    @Test
    void case_and_punctuation_do_not_hide_a_copy() {
        String shouted = GSM.toUpperCase().replace(",", " ;").replace(".", "!!");

        assertThat(index().check(shouted)).isPresent();
    }

    @Test
    void a_lightly_edited_copy_with_no_long_run_left_is_caught_by_rouge_l() {
        // a word changed every ten words or so breaks every 13-gram but keeps most of the sequence
        String edited = "Natalia sold pins to 48 of her friends in April, and later she sold half as many pins "
                + "in May. How many pins did Natalia sell altogether in April and May?";

        Optional<Contamination> hit = index().check(edited);

        assertThat(hit).isPresent();
        assertThat(hit.get().kind()).isEqualTo(Contamination.Kind.ROUGE_L);
        assertThat(hit.get().rougeL()).isGreaterThan(0.8);
        assertThat(hit.get().detail()).contains("gsm8k.jsonl:1");
    }

    @Test
    void an_item_shorter_than_the_ngram_is_matched_as_a_whole_run() {
        Optional<Contamination> hit = index().check("Quiz: which planet in our solar system has the most moons "
                + "according to the count published in 2023? Answer briefly.");

        assertThat(hit).isPresent();
        assertThat(hit.get().item().where()).isEqualTo("trivia.txt:7");
    }

    @Test
    void a_one_word_item_does_not_contaminate_every_text_that_mentions_it() {
        assertThat(index().check("Plan a three-day trip to Paris for a family with two children.")).isEmpty();
    }

    @Test
    void an_unrelated_instruction_is_clean() {
        assertThat(index().check("Write a short poem about the sea at night.")).isEmpty();
    }

    @Test
    void sharing_twelve_words_in_a_row_is_not_yet_a_13_gram_overlap() {
        BenchmarkIndex index = new BenchmarkIndex(13, 1.0);
        index.add(new BenchmarkItem("b.txt", 1,
                "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"));

        assertThat(index.check("zero one two three four five six seven eight nine ten eleven twelve stop"))
                .isEmpty();
        assertThat(index.check("zero one two three four five six seven eight nine ten eleven twelve thirteen"))
                .isPresent();
    }
}
