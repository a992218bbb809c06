package dev.instructgen.teacher.stack;

import dev.instructgen.teacher.BackendContext;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.PromptRejectedException;
import dev.instructgen.teacher.RequestFailedException;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherBackend;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.testing.MutableClock;
import dev.instructgen.testing.RecordingMetrics;
import dev.instructgen.testing.Requests;
import dev.instructgen.testing.ScriptedTeacher;
import dev.instructgen.teacher.resilience.BreakerPolicy;
import dev.instructgen.teacher.resilience.RetryPolicy;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TeacherBackendsTest {

    final MutableClock time = new MutableClock();

    @Test
    void aRegisteredBackendPlugsInUnderTheWholeStackWithoutEditingIt() {
        ScriptedTeacher adapter = new ScriptedTeacher().then(ScriptedTeacher.failing(FaultKind.SERVER_ERROR));
        TeacherBackend fake = new TeacherBackend() {
            @Override
            public TeacherClient connect(BackendContext context) {
                return adapter;
            }

            @Override
            public void probe(BackendContext context, Consumer<String> warnings) {
            }
        };
        TeacherSettings settings = new TeacherSettings(TeacherApi.OPENAI, URI.create("http://127.0.0.1:9/v1"), "m",
                null, 2, Duration.ofSeconds(5), 0, 0, Duration.ofMinutes(1));
        RecordingMetrics metrics = new RecordingMetrics();

        try (TeacherClient stack = TeacherStack.build(TeacherBackends.standard().with(TeacherApi.OPENAI, fake),
                settings, metrics, name -> null, new TeacherSeams(time, time, new SplittableRandom(1)),
                RetryPolicy.defaults(), BreakerPolicy.defaults())) {
            assertThat(stack.complete(Requests.simple()).text()).isEqualTo("ok");
        }

        // retried by the stack's retry layer, counted by its metered layer
        assertThat(adapter.calls()).isEqualTo(2);
        assertThat(metrics.attempts.get()).isEqualTo(2);
        assertThat(time.sleeps()).hasSize(1);
    }

    @Test
    void theStandardRegistryServesBothWireFormats() {
        assertThat(TeacherBackends.standard().forApi(TeacherApi.OPENAI)).isNotNull();
        assertThat(TeacherBackends.standard().forApi(TeacherApi.OLLAMA)).isNotNull();
    }

    @Test
    void aPromptTooLongIsNotARetriableFaultByType() {
        assertThat(RequestFailedException.class).isAssignableFrom(PromptRejectedException.class);
        assertThat(RetriableTeacherException.class.isAssignableFrom(PromptRejectedException.class)).isFalse();
        assertThatThrownBy(() -> new RetriableTeacherException(FaultKind.PROMPT_TOO_LONG, "x", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
