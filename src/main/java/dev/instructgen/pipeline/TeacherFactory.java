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
}
