package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherUnavailableException;
import dev.instructgen.testing.MutableClock;
import dev.instructgen.testing.Requests;
import dev.instructgen.testing.ScriptedTeacher;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CircuitBreakingTeacherClientTest {

    final MutableClock time = new MutableClock();
    final BreakerPolicy policy = new BreakerPolicy(4, 4, 50f, Duration.ofSeconds(10), Duration.ofSeconds(40),
            Duration.ofSeconds(1));

    CircuitBreakingTeacherClient breaker(ScriptedTeacher teacher, Duration patience) {
        return new CircuitBreakingTeacherClient(teacher, policy, patience, time, time);
    }

    static void failOnce(CircuitBreakingTeacherClient client) {
        assertThatThrownBy(() -> client.complete(Requests.simple())).isInstanceOf(RetriableTeacherException.class);
    }

    @Test
    void opensWhenTheTeacherIsDownHoldsAttemptsBackThenProbesAndRecovers() {
        ScriptedTeacher teacher = new ScriptedTeacher().then(4, ScriptedTeacher.failing(FaultKind.CONNECTION));
        CircuitBreakingTeacherClient client = breaker(teacher, Duration.ofMinutes(10));
        for (int i = 0; i < 4; i++) {
            failOnce(client);
        }
        assertThat(client.state()).isEqualTo(CircuitBreaker.State.OPEN);

        // The teacher is back (the script is used up); the next request waits out the open state, then probes.
        assertThat(client.complete(Requests.simple()).text()).isEqualTo("ok");

        assertThat(teacher.calls()).isEqualTo(5);
        assertThat(time.totalSlept()).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(11));
        assertThat(client.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void stopsWithTeacherUnavailableOncePatienceIsExceededWithoutHammering() {
        Instant start = time.instant();
        ScriptedTeacher teacher = new ScriptedTeacher().otherwise(ScriptedTeacher.failing(FaultKind.CONNECTION));
        CircuitBreakingTeacherClient client = breaker(teacher, Duration.ofMinutes(2));

        TeacherUnavailableException stop = null;
        for (int i = 0; i < 1000 && stop == null; i++) {
            try {
                client.complete(Requests.simple());
            } catch (RetriableTeacherException stillTrying) {
                // the retry layer would wait and try again
            } catch (TeacherUnavailableException e) {
                stop = e;
            }
        }

        assertThat(stop).isNotNull();
        assertThat(stop.getMessage()).contains("unreachable for 2m (--patience 2m)")
                .contains("scripted connection");
        assertThat(Duration.between(start, time.instant())).isBetween(Duration.ofMinutes(2), Duration.ofSeconds(121));
        // 4 to open, then probes after 10, 20, 40, 40 s of waiting: far fewer than one call per poll
        assertThat(teacher.calls()).isBetween(6, 9);
    }

    @Test
    void rateLimitingAndBrokenBodiesDoNotOpenTheBreaker() {
        ScriptedTeacher teacher = new ScriptedTeacher()
                .then(4, ScriptedTeacher.failing(FaultKind.RATE_LIMITED))
                .then(4, ScriptedTeacher.failing(FaultKind.MALFORMED_RESPONSE));
        CircuitBreakingTeacherClient client = breaker(teacher, Duration.ofMinutes(10));

        for (int i = 0; i < 8; i++) {
            failOnce(client);
        }

        assertThat(client.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(time.sleeps()).isEmpty();
    }

    @Test
    void anAnswerInBetweenRestartsThePatienceClock() {
        ScriptedTeacher teacher = new ScriptedTeacher()
                .then(ScriptedTeacher.failing(FaultKind.TIMEOUT))
                .then(ScriptedTeacher::ok)
                .then(ScriptedTeacher.failing(FaultKind.TIMEOUT));
        CircuitBreakingTeacherClient client = breaker(teacher, Duration.ofSeconds(30));

        failOnce(client);
        time.advance(Duration.ofSeconds(25));
        client.complete(Requests.simple());
        time.advance(Duration.ofSeconds(25));

        RetriableTeacherException e = catchThrowableOfType(RetriableTeacherException.class,
                () -> client.complete(Requests.simple()));
        assertThat(e.kind()).isEqualTo(FaultKind.TIMEOUT);
    }

    @Test
    void aLongQuietSpellAfterOneFailureIsNotAnOutage() {
        ScriptedTeacher teacher = new ScriptedTeacher().then(ScriptedTeacher.failing(FaultKind.CONNECTION));
        CircuitBreakingTeacherClient client = breaker(teacher, Duration.ofSeconds(30));

        failOnce(client);
        time.advance(Duration.ofMinutes(5));

        assertThat(client.complete(Requests.simple()).text()).isEqualTo("ok");
    }
}
