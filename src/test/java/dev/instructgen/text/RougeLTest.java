package dev.instructgen.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RougeLTest {

    @Test
    void scoresTwiceTheLcsOverTheTotalLength() {
        List<String> target = List.of("a", "b", "c", "d");
        List<String> prediction = List.of("a", "c", "d", "e", "f", "g");
        assertThat(RougeL.lcsLength(target, prediction)).isEqualTo(3);
        assertThat(RougeL.f1(target, prediction)).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void anEmptySideScoresZero() {
        assertThat(RougeL.f1(List.of(), List.of("a"))).isZero();
        assertThat(RougeL.f1(List.of("a"), List.of())).isZero();
        assertThat(RougeL.f1(0, 0, 0)).isZero();
    }

    @Test
    void followsRougeScoreArithmeticWhichPutsSomeExactTiesAboveSevenTenths() {
        // 2*7/(7+13) is exactly 7/10, but rouge_score computes 2*p*r/(p+r) and lands one ulp above
        assertThat(RougeL.f1(7, 7, 13)).isEqualTo(0.7000000000000001).isGreaterThan(0.7);
        assertThat(RougeL.f1(7, 13, 7)).isGreaterThan(0.7);
        assertThat(RougeL.f1(7, 9, 11)).isGreaterThan(0.7);
        // the same fraction with equal lengths stays exactly on it
        assertThat(RougeL.f1(7, 10, 10)).isEqualTo(0.7);
        assertThat(RougeL.f1(14, 20, 20)).isEqualTo(0.7);
        assertThat(2.0 * 7 / 20).isEqualTo(0.7);
    }

    @Test
    void identicalTextsScoreExactlyOne() {
        assertThat(RougeL.f1(1, 1, 1)).isEqualTo(1.0);
        assertThat(RougeL.f1(57, 57, 57)).isEqualTo(1.0);
    }
}
