package dev.instructgen.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClosestMatchTest {

    @Test
    void suggestsTheNearestCandidate() {
        assertThat(ClosestMatch.among("teacher-ulr", List.of("teacher-url", "teacher-api", "timeout")))
                .contains("teacher-url");
    }

    @Test
    void ignoresCase() {
        assertThat(ClosestMatch.among("cc-by-sa-30", List.of("CC-BY-SA-3.0", "MIT"))).contains("CC-BY-SA-3.0");
    }

    @Test
    void suggestsNothingWhenEverythingIsFarAway() {
        assertThat(ClosestMatch.among("banana", List.of("teacher-url", "concurrency"))).isEmpty();
    }

    @Test
    void computesLevenshteinDistance() {
        assertThat(ClosestMatch.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestMatch.distance("", "abc")).isEqualTo(3);
        assertThat(ClosestMatch.distance("same", "same")).isZero();
    }
}
