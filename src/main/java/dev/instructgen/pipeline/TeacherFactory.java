package dev.instructgen.pipeline;

import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherMetrics;

/** Builds the decorated teacher client for a run (production: the teacher stack; tests: a fake). */
@FunctionalInterface
public interface TeacherFactory {

    TeacherClient build(TeacherSettings settings, TeacherMetrics metrics);
}
