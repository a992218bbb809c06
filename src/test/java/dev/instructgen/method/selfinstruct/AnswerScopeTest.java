package dev.instructgen.method.selfinstruct;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerScopeTest {

    @Test
    void onAndTrueAnswerAllButClassificationAllAnswersEveryInstanceOffAndFalseAreNone() {
        assertThat(AnswerScope.parse("on")).isEqualTo(AnswerScope.NON_CLASSIFICATION);
        assertThat(AnswerScope.parse("TRUE")).isEqualTo(AnswerScope.NON_CLASSIFICATION);
        assertThat(AnswerScope.parse("all")).isEqualTo(AnswerScope.ALL);
        assertThat(AnswerScope.parse("off")).isNull();
        assertThat(AnswerScope.parse("false")).isNull();
        assertThat(AnswerScope.NON_CLASSIFICATION.covers(true)).isFalse();
        assertThat(AnswerScope.NON_CLASSIFICATION.covers(false)).isTrue();
        assertThat(AnswerScope.ALL.covers(true)).isTrue();
    }

    @Test
    void anyOtherValueIsRefusedNamingTheValuesExpected() {
        assertThatThrownBy(() -> AnswerScope.parse("sometimes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'sometimes' is not an answer-pass scope (expected on, all or off)");
    }
}
