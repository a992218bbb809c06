package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.testing.MutableClock;
import dev.instructgen.testing.Requests;
import dev.instructgen.testing.ScriptedTeacher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitedTeacherClientTest {

    final MutableClock time = new MutableClock();
    final ScriptedTeacher teacher = new ScriptedTeacher();

    @Test
    void spacesRequestsEvenlyUnderMaxRpm() {
        RateLimitedTeacherClient client = new RateLimitedTeacherClient(teacher, 60, 0, time, time);

        for (int i = 0; i < 4; i++) {
            client.complete(Requests.simple());
        }

        assertThat(teacher.calls()).isEqualTo(4);
        assertThat(time.totalSlept()).isEqualTo(Duration.ofSeconds(3));
        assertThat(time.sleeps()).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void waitsForTheNextMinuteWhenTheTokenBudgetIsSpent() {
        // replies that really use what was estimated: 100 prompt + 300 completion tokens
        ScriptedTeacher teacher = new ScriptedTeacher().otherwise(() -> new dev.instructgen.teacher.TeacherReply("ok",
                dev.instructgen.teacher.FinishReason.STOP, new dev.instructgen.teacher.TokenUsage(100, 300),
                Duration.ofMillis(1)));
        RateLimitedTeacherClient client = new RateLimitedTeacherClient(teacher, 0, 1000, time, time);
        TeacherRequest request = TeacherRequest.ofUserPrompt("test", "x".repeat(400), Sampling.greedy(300));
        assertThat(RateLimitedTeacherClient.estimatedTokens(request)).isEqualTo(400);

        client.complete(request);
        client.complete(request);
        assertThat(time.sleeps()).isEmpty();

        client.complete(request);
        assertThat(time.sleeps()).hasSize(1);
        assertThat(time.sleeps().get(0)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void estimatesPromptCharsOverFourPlusTheCompletionLimit() {
        TeacherRequest unlimited = new TeacherRequest("test",
                List.of(dev.instructgen.teacher.ChatMessage.user("abcdefgh")),
                new Sampling(0.7, null, null, null, List.of()));

        assertThat(RateLimitedTeacherClient.estimatedTokens(unlimited))
                .isEqualTo(2 + RateLimitedTeacherClient.ASSUMED_COMPLETION_TOKENS);
    }

    @Test
    void withoutLimitsNothingWaits() {
        RateLimitedTeacherClient client = new RateLimitedTeacherClient(teacher, 0, 0, time, time);

        for (int i = 0; i < 50; i++) {
            client.complete(Requests.simple());
        }

        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void aTokenLimitIsUsedUpByRealUsageNotByTheEstimateAndNeverExceeded() {
        // each reply uses 200 tokens while the estimate is 100 + 512 = 612
        List<java.time.Instant> sent = new java.util.ArrayList<>();
        ScriptedTeacher teacher = new ScriptedTeacher().otherwise(() -> {
            sent.add(time.instant());
            return new dev.instructgen.teacher.TeacherReply("ok", dev.instructgen.teacher.FinishReason.STOP,
                    new dev.instructgen.teacher.TokenUsage(100, 100), Duration.ofMillis(1));
        });
        int limit = 10_000;
        RateLimitedTeacherClient client = new RateLimitedTeacherClient(teacher, 0, limit, time, time);
        TeacherRequest request = TeacherRequest.ofUserPrompt("test", "x".repeat(400), Sampling.greedy(512));
        java.time.Instant end = time.instant().plus(Duration.ofMinutes(10));

        while (time.instant().isBefore(end)) {
            client.complete(request);
        }

        long used = 200L * sent.stream().filter(t -> t.isBefore(end)).count();
        assertThat(used).as("tokens in 10 minutes at --max-tpm " + limit).isGreaterThanOrEqualTo(9L * limit);
        for (java.time.Instant from : sent) {
            long inWindow = sent.stream().filter(t -> !t.isBefore(from) && t.isBefore(from.plusSeconds(60))).count();
            assertThat(200 * inWindow).isLessThanOrEqualTo(limit);
        }
    }
}
