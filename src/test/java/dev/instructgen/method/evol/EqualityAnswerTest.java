package dev.instructgen.method.evol;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EqualityAnswerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Equal|EQUAL",
            "equal.|EQUAL",
            "Answer: Equal|EQUAL",
            "Not Equal|NOT_EQUAL",
            "not-equal|NOT_EQUAL",
            "NOT EQUAL.|NOT_EQUAL",
            "They are unequal|NOT_EQUAL",
            "Hmm, hard to say|UNCLEAR",
            "''|UNCLEAR",
    })
    void readsTheJudgesAnswer(String reply, EqualityAnswer expected) {
        assertThat(EqualityAnswer.parse(reply)).isEqualTo(expected);
    }
}
