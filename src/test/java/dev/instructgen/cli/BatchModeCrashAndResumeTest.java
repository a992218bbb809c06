package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeBatchServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-Instruct in batch mode through the real CLI in a child JVM, against a loopback fake of the Batch API: to its
 * target in one go, and killed with SIGKILL during an upload, after a batch was created and during a download,
 * resumed each time; no custom_id goes into two created batches and the run ends with exactly the target.
 */
class BatchModeCrashAndResumeTest {

    private static final int TARGET = 40;

    @TempDir
    Path dir;

    @Test
    void aBatchRunReachesItsTargetThroughSuccessiveBatchRounds() throws Exception {
        Path out = dir.resolve("run");
        try (FakeBatchServer fake = FakeBatchServer.start(new SyntheticSelfInstructTeacher(5, 6, 0.3))) {
            Process child = start(fake, out);
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("run finishes").isTrue();
            assertThat(child.exitValue()).as(log()).isZero();
            assertThat(fake.batchesCreated()).as("one batch round per stage at least").isGreaterThanOrEqualTo(3);
            assertNothingSubmittedTwice(fake);
        }
        assertExactlyTheTarget(out);
    }

    @Test
    void aBatchRunKilledDuringUploadAfterSubmissionAndDuringDownloadPaysForNothingTwice() throws Exception {
        Path out = dir.resolve("run");
        try (FakeBatchServer fake = FakeBatchServer.start(new SyntheticSelfInstructTeacher(5, 6, 0.3))
                .slowTransfers(Duration.ofMillis(400), Duration.ofMillis(400)).lookupsPerState(2)) {
            // during the upload of the third batch
            Process child = start(fake, out);
            waitFor(() -> fake.uploadsStarted() >= 3 && fake.batchesCreated() < 3, child);
            kill(child);
            // after the fourth batch was created, before it ends
            child = start(fake, out);
            waitFor(() -> fake.batchesCreated() >= 4 && fake.states().get(3).equals("validating"), child);
            kill(child);
            // during a download
            int downloads = fake.downloadsStarted();
            child = start(fake, out);
            waitFor(() -> fake.downloadsStarted() > downloads + 1, child);
            kill(child);

            Process last = start(fake, out);
            assertThat(last.waitFor(180, TimeUnit.SECONDS)).as("final run finishes").isTrue();
            assertThat(last.exitValue()).as(log()).isZero();
            assertNothingSubmittedTwice(fake);
        }
        assertExactlyTheTarget(out);
        List<String> journal = Files.readAllLines(out.resolve("batches.jsonl"));
        assertThat(journal).anyMatch(line -> line.contains("\"event\":\"abandoned\""));
    }

    private static void assertNothingSubmittedTwice(FakeBatchServer fake) {
        assertThat(fake.submissionsByCustomId()).isNotEmpty();
        assertThat(fake.submissionsByCustomId().entrySet()).allMatch(e -> e.getValue() == 1,
                "every custom_id in one created batch only");
    }

    private static void assertExactlyTheTarget(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("examples.jsonl"));
        assertThat(lines).hasSize(TARGET);
        Set<String> instructions = new HashSet<>();
        for (String line : lines) {
            JsonNode example = JsonCodec.mapper().readTree(line);
            assertThat(instructions.add(example.path("instruction").asText())).as("unique " + line).isTrue();
        }
        JsonNode stats = JsonCodec.mapper().readTree(out.resolve("stats.json").toFile());
        assertThat(stats.path("accepted").asLong()).isEqualTo(TARGET);
        assertThat(stats.path("batches").path("total").asLong()).isPositive();
    }

    private Process start(FakeBatchServer fake, Path out) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classpath, Main.class.getName(), "self-instruct",
                "--seeds", "seeds/seed_tasks.jsonl", "--teacher-url", fake.url(), "--model", "batch-model",
                "--target", String.valueOf(TARGET), "--out", out.toString(),
                "--batch", "--batch-size", "60", "--batch-wait", "150ms", "--batch-poll", "40ms"));
        File log = dir.resolve("child.log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("child.log"));
    }

    private static void kill(Process child) throws InterruptedException {
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL on Unix
    }

    private void waitFor(BooleanSupplier condition, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(5);
        }
        assertThat(child.isAlive()).as("child still running when the moment came; " + log()).isTrue();
        assertThat(condition.getAsBoolean()).as("the moment came within 90 s").isTrue();
    }
}
