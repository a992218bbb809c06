package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeBatchServer;
import dev.instructgen.testing.SyntheticEvolTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evol-Instruct in batch mode through the real CLI: every stage of every round goes out as batches (one round of
 * batches per stage per evolution round); killed with SIGKILL once a batch is on the server and resumed, it finishes
 * every round with no custom_id in two created batches.
 */
class EvolBatchModeTest {

    private static final int ROUNDS = 2;

    @TempDir
    Path dir;

    @Test
    void anEvolRunInBatchModeKilledAfterASubmissionFinishesEveryRoundPayingForNothingTwice() throws Exception {
        Path out = dir.resolve("run");
        long seeds = DatasetReader.read(Path.of("seeds", "seed_tasks.jsonl")).tasks().size();
        try (FakeBatchServer fake = FakeBatchServer.start(new SyntheticEvolTeacher(3, 0.2)).lookupsPerState(3)
                .planning(n -> n == 2 ? FakeBatchServer.Plan.PARTIAL_ERRORS : FakeBatchServer.Plan.COMPLETE)) {
            Process child = start(fake, out);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (fake.batchesCreated() < 3 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive()).as("still running at the third batch: " + log()).isTrue();
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

            Process last = start(fake, out);
            assertThat(last.waitFor(180, TimeUnit.SECONDS)).as("resumed run finishes").isTrue();
            assertThat(last.exitValue()).as(log()).isZero();
            assertThat(fake.submissionsByCustomId().values()).allMatch(n -> n == 1);
            assertThat(fake.batchesCreated()).as("a batch round per stage per evolution round")
                    .isGreaterThanOrEqualTo(ROUNDS * 2);
        }
        JsonNode stats = JsonCodec.mapper().readTree(out.resolve("stats.json").toFile());
        assertThat(stats.path("status").asText()).isEqualTo("completed");
        assertThat(stats.path("evolution").path("attempted").asLong()).isEqualTo(seeds * ROUNDS);
        assertThat(stats.path("batches").path("failed_by_kind").path("server_error").asLong()).isPositive();
    }

    private Process start(FakeBatchServer fake, Path out) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classpath, Main.class.getName(), "evol-instruct",
                "--input", "seeds/seed_tasks.jsonl", "--rounds", String.valueOf(ROUNDS),
                "--teacher-url", fake.url(), "--model", "batch-model", "--out", out.toString(),
                "--batch", "--batch-size", "400", "--batch-wait", "150ms", "--batch-poll", "40ms"));
        File log = dir.resolve("child.log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("child.log"));
    }
}
