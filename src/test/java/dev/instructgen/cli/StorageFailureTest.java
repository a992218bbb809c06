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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Disks fill up and files turn out unwritable: the CLI names the file and picks the exit code that fits. */
class StorageFailureTest {

    /** Every write to this device fails with ENOSPC, exactly as a full disk does. */
    private static final Path FULL_DEVICE = Path.of("/dev/full");

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Test
    void aFullDiskUnderTheRunStopsResumablyNamingTheFile() throws Exception {
        assumeTrue(Files.isWritable(FULL_DEVICE), "needs Linux's /dev/full");
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Files.createSymbolicLink(run.resolve("examples.jsonl"), FULL_DEVICE);

        int code;
        try (FakeTeacherServer teacher = FakeTeacherServer.start(
                new SyntheticSelfInstructTeacher(5, 6, 0.3), Duration.ZERO, 4)) {
            code = selfInstruct(teacher, run);
        }

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.STOPPED_RESUMABLE);
        assertThat(err.toString())
                .contains("stopped: no space left on device writing " + run.resolve("examples.jsonl"))
                .contains("run the same command again to resume")
                .doesNotContain("unexpected failure")
                .doesNotContain("Exception");
    }

    @Test
    void aJournalThatCannotBeOpenedRefusesTheResumeNamingItBeforeTheManifestIsRewritten() throws Exception {
        Path run = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(
                new SyntheticSelfInstructTeacher(5, 6, 0.3), Duration.ZERO, 4)) {
            assertThat(selfInstruct(teacher, run)).as(err.toString()).isZero();
            byte[] manifest = Files.readAllBytes(run.resolve("manifest.json"));
            // Not writable even for a superuser (who passes every permission check): rejected.jsonl is a directory.
            Files.delete(run.resolve("rejected.jsonl"));
            Files.createDirectory(run.resolve("rejected.jsonl"));
            err.getBuffer().setLength(0);

            int code = selfInstruct(teacher, run, 30);

            assertThat(code).as(err.toString()).isEqualTo(ExitCode.FAILED);
            assertThat(err.toString()).contains("error: cannot read " + run.resolve("rejected.jsonl") + ": Is a directory")
                    .doesNotContain("unexpected failure").doesNotContain("Exception");
            assertThat(Files.readAllBytes(run.resolve("manifest.json"))).isEqualTo(manifest);
        }
    }

    @Test
    void aReadOnlyJournalIsRefusedWithExitTwoBeforeTheManifestIsRewritten() throws Exception {
        Path run = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(
                new SyntheticSelfInstructTeacher(5, 6, 0.3), Duration.ZERO, 4)) {
            assertThat(selfInstruct(teacher, run)).as(err.toString()).isZero();
            byte[] manifest = Files.readAllBytes(run.resolve("manifest.json"));
            assumeTrue(run.resolve("examples.jsonl").toFile().setWritable(false, false));
            assumeTrue(!Files.isWritable(run.resolve("examples.jsonl")), "permissions are not enforced (root)");
            err.getBuffer().setLength(0);

            int code = selfInstruct(teacher, run, 30);

            assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(err.toString()).contains("examples.jsonl is read-only");
            assertThat(Files.readAllBytes(run.resolve("manifest.json"))).isEqualTo(manifest);
        }
    }

    private int selfInstruct(FakeTeacherServer teacher, Path run) {
        return selfInstruct(teacher, run, 20);
    }

    private int selfInstruct(FakeTeacherServer teacher, Path run, int target) {
        return InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(
                "self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--teacher-url", teacher.openAiUrl(),
                "--model", "disk-test", "--concurrency", "2", "--target", String.valueOf(target),
                "--out", run.toString());
    }
}
