package dev.instructgen.testing;

import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherRequest;

/** Requests for tests. */
public final class Requests {

    private Requests() {
    }

    public static TeacherRequest simple() {
        return TeacherRequest.ofUserPrompt("test", "Name a colour.", Sampling.greedy(16));
    }
}
