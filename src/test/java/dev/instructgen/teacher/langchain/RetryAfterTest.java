package dev.instructgen.teacher.langchain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    final Instant now = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void readsDeltaSeconds() {
        assertThat(RetryAfter.parse("30", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(" 1.5 ", now)).contains(Duration.ofMillis(1500));
    }

    @Test
    void readsAnHttpDateRelativeToNow() {
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 10:00:45 GMT", now)).contains(Duration.ofSeconds(45));
        assertThat(RetryAfter.parse("Sat, 21 Nov 2026 09:00:00 GMT", now)).contains(Duration.ZERO);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse("-5", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }
}
