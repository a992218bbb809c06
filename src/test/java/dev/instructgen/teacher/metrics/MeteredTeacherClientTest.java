package dev.instructgen.teacher.metrics;

import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.testing.RecordingMetrics;
import dev.instructgen.testing.Requests;
import dev.instructgen.testing.ScriptedTeacher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeteredTeacherClientTest {

    @Test
    void countsAttemptsInFlightLatencyAndSuccesses() {
        RecordingMetrics metrics = new RecordingMetrics();
        AtomicLong nanos = new AtomicLong();
        ScriptedTeacher teacher = new ScriptedTeacher()
                .then(() -> {
                    nanos.addAndGet(250_000_000);
                    assertThat(metrics.inFlight.get()).isEqualTo(1);
                    return ScriptedTeacher.ok();
                })
                .then(ScriptedTeacher.failing(FaultKind.CONNECTION));
        MeteredTeacherClient client = new MeteredTeacherClient(teacher, metrics, nanos::get);

        client.complete(Requests.simple());
        assertThatThrownBy(() -> client.complete(Requests.simple())).isInstanceOf(RetriableTeacherException.class);

        assertThat(metrics.attempts.get()).isEqualTo(2);
        assertThat(metrics.inFlight.get()).isZero();
        assertThat(metrics.successes).hasSize(1);
        assertThat(metrics.latencies).containsExactly(Duration.ofMillis(250), Duration.ZERO);
    }
}
