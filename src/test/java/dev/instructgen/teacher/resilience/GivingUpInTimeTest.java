package dev.instructgen.teacher.resilience;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.stack.TeacherSeams;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.stack.TeacherStack;
import dev.instructgen.teacher.TeacherUnavailableException;
import dev.instructgen.testing.MutableClock;
import dev.instructgen.testing.RecordingMetrics;
import dev.instructgen.testing.Requests;
import dev.instructgen.testing.ScriptedTeacher;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue: a hanging teacher overshot --patience by half, and moderate error rates opened the breaker. */
class GivingUpInTimeTest {

    final MutableClock time = new MutableClock();

    /** Answers nothing: every attempt takes the whole timeout on the fake clock, then times out. */
    final class HangingTeacher implements TeacherClient {
        @Override
        public TeacherReply complete(TeacherRequest request) {
            time.advance(Duration.ofSeconds(5));
            throw new RetriableTeacherException(FaultKind.TIMEOUT, "no reply within the timeout", null, null);
        }

        @Override
        public TeacherIdentity identity() {
            return new TeacherIdentity(TeacherApi.OPENAI, "m", "127.0.0.1:9");
        }
    }

    @Test
    void aHangingTeacherStopsTheRunWithinOneTimeoutOfThePatience() {
        TeacherSettings settings = new TeacherSettings(TeacherApi.OPENAI, URI.create("http://127.0.0.1:9/v1"), "m",
                null, 8, Duration.ofSeconds(5), 0, 0, Duration.ofSeconds(45));
        TeacherClient stack = TeacherStack.decorate(new HangingTeacher(), settings, new RecordingMetrics(),
                new TeacherSeams(time, time, new SplittableRandom(7)), RetryPolicy.defaults(),
                BreakerPolicy.defaults());
        Instant start = time.instant();

        TeacherUnavailableException stop = null;
        for (int request = 0; request < 100 && stop == null; request++) {
            try {
                stack.complete(Requests.simple());
            } catch (RetriableTeacherException gaveUp) {
                // the engine drops this job and sends the next
            } catch (TeacherUnavailableException e) {
                stop = e;
            }
        }

        assertThat(stop).isNotNull();
        assertThat(Duration.between(start, time.instant()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(45))
                .isLessThanOrEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void aTeacherFailingAThirdOfItsRequestsNeverOpensTheBreaker() {
        SplittableRandom random = new SplittableRandom(42);
        ScriptedTeacher teacher = new ScriptedTeacher().otherwise(() -> {
            if (random.nextDouble() < 0.3) {
                throw new RetriableTeacherException(FaultKind.SERVER_ERROR, "HTTP 500", null, null);
            }
            return ScriptedTeacher.ok();
        });
        CircuitBreakingTeacherClient breaker = new CircuitBreakingTeacherClient(teacher, BreakerPolicy.defaults(),
                Duration.ofMinutes(10), time, time);

        for (int i = 0; i < 5000; i++) {
            try {
                breaker.complete(Requests.simple());
            } catch (RetriableTeacherException expected) {
                // 30% of them
            }
        }

        assertThat(time.sleeps()).as("waits for an open breaker").isEmpty();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void anEndpointThatIsDownOpensTheBreakerAfterTwentyAttempts() {
        ScriptedTeacher teacher = new ScriptedTeacher().otherwise(ScriptedTeacher.failing(FaultKind.CONNECTION));
        CircuitBreakingTeacherClient breaker = new CircuitBreakingTeacherClient(teacher, BreakerPolicy.defaults(),
                Duration.ofMinutes(10), time, time);

        for (int i = 0; i < 20; i++) {
            try {
                breaker.complete(Requests.simple());
            } catch (RetriableTeacherException expected) {
                // down
            }
        }

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void aStopEndsAWaitBetweenRetriesAtOnceInsteadOfSleepingItOut() throws Exception {
        CancellableSleeper waits = new CancellableSleeper(Sleeper.system());
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread sleeper = new Thread(() -> {
            try {
                Sleeper.sleepOrCancel(waits, Duration.ofSeconds(60));
            } catch (CancellationException e) {
                ended.set(e);
            }
        });
        sleeper.start();
        Thread.sleep(50);
        long before = System.nanoTime();

        waits.cancel();
        sleeper.join(5_000);

        assertThat(sleeper.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(2));
        assertThat(ended.get()).isInstanceOf(CancellationException.class);
        // and a wait that starts after the stop does not start at all
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                () -> Sleeper.sleepOrCancel(waits, Duration.ofSeconds(60)))).isInstanceOf(CancellationException.class);
        assertThat(Thread.interrupted()).isTrue(); // sleepOrCancel keeps the flag for the engine; clear it here
    }
}
