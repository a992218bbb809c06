package dev.instructgen.cli;

import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.FakeTeacherServer.Fault;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 #11 through the CLI: a teacher that answers every request, but always with nothing usable, ends the run
 * with exit 1 and says what kept failing, after three attempts per request instead of eight.
 */
class UselessTeacherStopsTest {

    @TempDir
    Path dir;

    private static String run(FakeTeacherServer teacher, Path out, int[] exit) {
        StringWriter err = new StringWriter();
        exit[0] = InstructgenCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                .execute("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--teacher-url", teacher.openAiUrl(),
                        "--model", "useless", "--concurrency", "2", "--target", "10", "--patience", "30s",
                        "--out", out.toString());
        return err.toString();
    }

    @Test
    void aTeacherThatAlwaysAnswersEmptyEndsTheRunNamingWhatKeptFailing() throws Exception {
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(3, 6),
                Duration.ZERO, 4)) {
            teacher.injectFaults(n -> n == 1 ? Fault.NONE : Fault.EMPTY_CONTENT);
            int[] exit = {-1};
            long started = System.nanoTime();

            String err = run(teacher, dir.resolve("run"), exit);

            System.out.printf("always-empty teacher: stopped after %.1f s and %d requests%n",
                    (System.nanoTime() - started) / 1e9, teacher.requestCount());
            assertThat(exit[0]).as(err).isEqualTo(ExitCode.FAILED);
            assertThat(err).contains("empty_content").contains("gave up after 3 attempts")
                    .doesNotContain("\tat ");
        }
    }
}
