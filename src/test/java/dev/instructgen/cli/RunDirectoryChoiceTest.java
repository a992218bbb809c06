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

/** What --out may point at, and what a run leaves there besides the data: run.log. */
class RunDirectoryChoiceTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Test
    void aNonEmptyDirectoryThatHoldsNoRunIsRefusedWithExitTwoAndLeftAlone() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Files.writeString(home.resolve("thesis.tex"), "my work");

        int code = selfInstruct(home);

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("--out " + home + " is not empty and holds no instructgen run (found "
                + "thesis.tex)");
        try (var files = Files.list(home)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsOnly("thesis.tex");
        }
    }

    @Test
    void aRunWritesWhatTheConsoleShowedToRunLog() throws Exception {
        Path run = dir.resolve("run");

        int code = selfInstruct(run);

        assertThat(code).as(err.toString()).isZero();
        String log = Files.readString(run.resolve("run.log"));
        assertThat(log).contains("warning: the terms of teacher 'log-test' are unknown")
                .contains("done: 20 examples");
    }

    private int selfInstruct(Path out) {
        try (FakeTeacherServer teacher = FakeTeacherServer.start(
                new SyntheticSelfInstructTeacher(5, 6, 0.3), Duration.ZERO, 4)) {
            return InstructgenCommand.commandLine(new PrintWriter(this.out, true), new PrintWriter(err, true))
                    .execute("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--teacher-url",
                            teacher.openAiUrl(), "--model", "log-test", "--concurrency", "2", "--target", "20",
                            "--out", out.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
