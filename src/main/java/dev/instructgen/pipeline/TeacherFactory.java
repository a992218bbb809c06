package dev.instructgen.pipeline;

import dev.instructgen.teacher.RequestLog;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherMetrics;

/** Builds the decorated teacher client for a run (production: the teacher stack; tests: a fake). */
@FunctionalInterface
public interface TeacherFactory {

    TeacherClient build(TeacherSettings settings, TeacherMetrics metrics);

    /** With the run's request log, for {@code --log-requests}; fakes that log nothing need not implement it. */
    default TeacherClient build(TeacherSettings settings, TeacherMetrics metrics, RequestLog requests) {
        return build(settings, metrics);
    }

    /**
     * Checked before the run directory is created or opened, so a run refused here (production: no server at the
     * URL, the model not served) costs about a second and leaves nothing behind. Nothing to check by default.
     */
    default void check(TeacherSettings settings) {
    }

    /** A factory whose {@link #check} runs {@code check} and whose {@link #build} is {@code build}. */
    static TeacherFactory checked(java.util.function.Consumer<TeacherSettings> check, TeacherFactory build) {
        return new TeacherFactory() {
            @Override
            public TeacherClient build(TeacherSettings settings, TeacherMetrics metrics) {
                return build.build(settings, metrics);
            }

            @Override
            public TeacherClient build(TeacherSettings settings, TeacherMetrics metrics, RequestLog requests) {
                return build.build(settings, metrics, requests);
            }

            @Override
            public void check(TeacherSettings settings) {
                check.accept(settings);
            }
        };
    }
}
