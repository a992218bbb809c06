package dev.instructgen.filter.evol;

import dev.instructgen.filter.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.instructgen.filter.Rejected.code;
import static dev.instructgen.filter.Rejected.rejection;
import static org.assertj.core.api.Assertions.assertThat;

class StopwordsOnlyFilterTest {

    private final StopwordsOnlyFilter filter = new StopwordsOnlyFilter();

    @ParameterizedTest
    @ValueSource(strings = {"...", "It is.", "And so on, and so on!", "I'm not.", "  ", "— ; : ?"})
    void rejectsResponsesWithOnlyPunctuationAndStopWords(String response) {
        Verdict v = filter.check(response);
        assertThat(v.rejected()).isTrue();
        assertThat(code(v)).isEqualTo("response_stopwords_only");
    }

    @Test
    void saysWhenTheResponseIsEmpty() {
        assertThat(rejection(filter.check("")).detail()).isEqualTo("response is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Paris.", "It is 42.", "Yes", "x = 3"})
    void acceptsResponsesWithAnyContentWord(String response) {
        assertThat(filter.check(response).accepted()).isTrue();
    }

    @Test
    void shipsAnEnglishListOfFunctionWords() {
        StopWords words = StopWords.english();
        assertThat(words.size()).isGreaterThan(150);
        assertThat(words.contains("the")).isTrue();
        assertThat(words.contains("would")).isTrue();
        assertThat(words.contains("river")).isFalse();
    }
}
