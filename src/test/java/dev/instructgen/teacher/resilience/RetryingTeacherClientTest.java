package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.testing.MutableClock;
import dev.instructgen.testing.RecordingMetrics;
import dev.instructgen.testing.Requests;
import dev.instructgen.testing.ScriptedTeacher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RetryingTeacherClientTest {

    final MutableClock time = new MutableClock();
    final RecordingMetrics metrics = new RecordingMetrics();
    final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(30));

    RetryingTeacherClient retrying(ScriptedTeacher teacher, long seed) {
        return new RetryingTeacherClient(teacher, policy, metrics, time, new SplittableRandom(seed));
    }

    @Test
    void retriesAServerErrorBurstWithGrowingJitteredBackoffThenSucceeds() {
        ScriptedTeacher teacher = new ScriptedTeacher().then(3, ScriptedTeacher.failing(FaultKind.SERVER_ERROR));

        TeacherReply reply = retrying(teacher, 1).complete(Requests.simple());

        assertThat(reply.text()).isEqualTo("ok");
        assertThat(teacher.calls()).isEqualTo(4);
        List<Duration> waits = time.sleeps();
        assertThat(waits).hasSize(3);
        // equal jitter: within [half, whole] of 1 s, 2 s, then 4 s capped at 3 s
        assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(waits.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(waits.get(2)).isBetween(Duration.ofMillis(1500), Duration.ofSeconds(3));
        assertThat(metrics.faults).extracting(RecordingMetrics.Fault::willRetry).containsExactly(true, true, true);
    }

    @Test
    void anEmptyOrUnreadableAnswerIsTriedThreeTimesWhileAServerErrorGetsEveryAttempt() {
        RetryPolicy eight = new RetryPolicy(8, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(30));
        for (FaultKind unusable : List.of(FaultKind.EMPTY_CONTENT, FaultKind.MALFORMED_RESPONSE)) {
            ScriptedTeacher teacher = new ScriptedTeacher().otherwise(ScriptedTeacher.failing(unusable));
            RetryingTeacherClient client = new RetryingTeacherClient(teacher, eight, metrics, time,
                    new SplittableRandom(1));

            RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                    () -> client.complete(Requests.simple()));

            assertThat(teacher.calls()).as(unusable.key()).isEqualTo(3);
            assertThat(e.getMessage()).startsWith("gave up after 3 attempts");
        }
        ScriptedTeacher failing = new ScriptedTeacher().otherwise(ScriptedTeacher.failing(FaultKind.SERVER_ERROR));
        catchThrowableOfType(RetriableTeacherException.class, () -> new RetryingTeacherClient(failing, eight,
                metrics, time, new SplittableRandom(1)).complete(Requests.simple()));
        assertThat(failing.calls()).isEqualTo(8);
    }

    @Test
    void tellsTheEngineWhenEachBackoffStartsAndEndsSoAnotherJobCanUseTheWire() {
        ScriptedTeacher teacher = new ScriptedTeacher().then(2, ScriptedTeacher.failing(FaultKind.SERVER_ERROR));
        List<String> seen = new java.util.ArrayList<>();
        Sleeper recording = d -> {
            seen.add("sleep");
            time.sleep(d);
        };
        RetryingTeacherClient client = new RetryingTeacherClient(teacher, policy, metrics, recording,
                new SplittableRandom(1), null,
                dev.instructgen.teacher.BackoffObserver.of(() -> seen.add("waiting"), () -> seen.add("resumed")));

        client.complete(Requests.simple());

        assertThat(seen).containsExactly("waiting", "sleep", "resumed", "waiting", "sleep", "resumed");
    }

    @Test
    void aCancelledBackoffStillEndsItsWaitForTheEngine() {
        ScriptedTeacher teacher = new ScriptedTeacher().then(ScriptedTeacher.failing(FaultKind.SERVER_ERROR));
        CancellableSleeper waits = new CancellableSleeper(time);
        waits.cancel();
        int[] waiting = {0};
        RetryingTeacherClient client = new RetryingTeacherClient(teacher, policy, metrics, waits,
                new SplittableRandom(1), null,
                dev.instructgen.teacher.BackoffObserver.of(() -> waiting[0]++, () -> waiting[0]--));

        catchThrowableOfType(java.util.concurrent.CancellationException.class,
                () -> client.complete(Requests.simple()));

        assertThat(waiting[0]).isZero();
        Thread.interrupted();
    }

    @Test
    void waitsExactlyWhatRetryAfterSays() {
        ScriptedTeacher teacher = new ScriptedTeacher()
                .then(ScriptedTeacher.failing(FaultKind.RATE_LIMITED, Duration.ofSeconds(7)))
                .then(ScriptedTeacher.failing(FaultKind.SERVER_ERROR, Duration.ofMillis(2500)));

        retrying(teacher, 1).complete(Requests.simple());

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofMillis(2500));
    }

    @Test
    void capsAnExcessiveRetryAfter() {
        ScriptedTeacher teacher = new ScriptedTeacher()
                .then(ScriptedTeacher.failing(FaultKind.RATE_LIMITED, Duration.ofHours(24)));

        retrying(teacher, 1).complete(Requests.simple());

        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void neverRetriesAFatalAnswer() {
        ScriptedTeacher teacher = new ScriptedTeacher().then(() -> {
            throw new FatalTeacherException(404, "model 'x' not found", null);
        });

        FatalTeacherException e = catchThrowableOfType(FatalTeacherException.class,
                () -> retrying(teacher, 1).complete(Requests.simple()));

        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(teacher.calls()).isEqualTo(1);
        assertThat(time.sleeps()).isEmpty();
        assertThat(metrics.faults).isEmpty();
    }

    @Test
    void givesUpAfterMaxAttemptsKeepingTheFaultKind() {
        ScriptedTeacher teacher = new ScriptedTeacher().otherwise(ScriptedTeacher.failing(FaultKind.TIMEOUT));

        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> retrying(teacher, 1).complete(Requests.simple()));

        assertThat(e.kind()).isEqualTo(FaultKind.TIMEOUT);
        assertThat(e.getMessage()).startsWith("gave up after 4 attempts: ");
        assertThat(teacher.calls()).isEqualTo(4);
        assertThat(metrics.faults).extracting(RecordingMetrics.Fault::willRetry)
                .containsExactly(true, true, true, false);
    }

    @Test
    void jitterIsReproducibleFromTheSeed() {
        MutableClock other = new MutableClock();
        new RetryingTeacherClient(new ScriptedTeacher().then(3, ScriptedTeacher.failing(FaultKind.CONNECTION)),
                policy, metrics, other, new SplittableRandom(99)).complete(Requests.simple());
        retrying(new ScriptedTeacher().then(3, ScriptedTeacher.failing(FaultKind.CONNECTION)), 99)
                .complete(Requests.simple());

        assertThat(time.sleeps()).isEqualTo(other.sleeps());
    }
}
