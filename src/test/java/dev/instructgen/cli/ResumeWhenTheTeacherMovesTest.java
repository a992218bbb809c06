package dev.instructgen.cli;

import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The teacher's model defines a run; the address it is served from does not. */
class ResumeWhenTheTeacherMovesTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String url, String model, int target) {
        return InstructgenCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                .execute("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--teacher-url", url,
                        "--model", model, "--target", String.valueOf(target), "--concurrency", "2",
                        "--out", dir.resolve("run").toString());
    }

    @Test
    void aRunResumesAgainstTheSameModelServedFromAnotherPort() throws Exception {
        try (var first = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(1, 6), Duration.ZERO, 4);
             var moved = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(2, 6), Duration.ZERO, 4)) {
            assertThat(run(first.openAiUrl(), "llama3.1:8b", 6)).as(err.toString()).isZero();

            int exit = run(moved.openAiUrl(), "llama3.1:8b", 12);

            assertThat(exit).as(err.toString()).isZero();
            assertThat(Files.readAllLines(dir.resolve("run").resolve("examples.jsonl"))).hasSize(12);
            assertThat(moved.requestCount()).isPositive();
        }
    }

    @Test
    void aRunRefusesToResumeWithAnotherModel() throws Exception {
        try (var teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(1, 6), Duration.ZERO, 4)) {
            assertThat(run(teacher.openAiUrl(), "llama3.1:8b", 6)).as(err.toString()).isZero();

            int exit = run(teacher.openAiUrl(), "qwen2.5:7b", 12);

            assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(err.toString()).contains("different settings").contains("teacher");
        }
    }
}
