package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.ChildProcess;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import dev.instructgen.text.ExhaustiveNoveltyIndex;
import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.RougeScoreTokenizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 at several moments, then the same command again: the run ends with exactly the target, every line
 * whole JSON, no id or instruction twice, and the novelty filter still holding across the restarts (the fake
 * teacher keeps re-proposing instructions it proposed to earlier processes).
 */
class CrashAndResumeTest {

    private static final int TARGET = 240;

    @TempDir
    Path dir;

    @Test
    void aRunKilledThreeTimesFinishesWithExactlyTheTargetAndNothingRepeated() throws Exception {
        Path out = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(
                new SyntheticSelfInstructTeacher(5, 6, 0.3), Duration.ofMillis(15), 16)) {
            for (int killAfter : new int[] {30, 100, 170}) {
                Process child = start(teacher, out);
                waitForLines(out.resolve("examples.jsonl"), killAfter, child);
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            Process last = start(teacher, out);
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("final run finishes").isTrue();
            assertThat(last.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        }

        List<String> lines = Files.readAllLines(out.resolve("examples.jsonl"));
        assertThat(lines).hasSize(TARGET);
        Set<String> ids = new HashSet<>();
        Set<String> instructions = new HashSet<>();
        NoveltyIndex seedsAndAccepted = new ExhaustiveNoveltyIndex(new RougeScoreTokenizer(), 0.7);
        DatasetReader.read(Path.of("seeds", "seed_tasks.jsonl")).tasks()
                .forEach(t -> seedsAndAccepted.add(t.id(), t.instruction()));
        for (String line : lines) {
            JsonNode example = JsonCodec.mapper().readTree(line);
            assertThat(ids.add(example.path("id").asText())).as("unique id " + line).isTrue();
            String instruction = example.path("instruction").asText();
            assertThat(instructions.add(instruction)).as("unique instruction " + instruction).isTrue();
            assertThat(seedsAndAccepted.admit(example.path("id").asText(), instruction).novel())
                    .as("novel against seeds and earlier examples: " + instruction).isTrue();
        }
        JsonNode stats = JsonCodec.mapper().readTree(out.resolve("stats.json").toFile());
        assertThat(stats.path("accepted").asLong()).isEqualTo(TARGET);
        assertThat(stats.path("rejected").path("too_similar").asLong())
                .as("re-proposed instructions were rejected as too similar").isPositive();
    }

    private Process start(FakeTeacherServer teacher, Path out) throws IOException {
        List<String> command = new ArrayList<>(List.of("self-instruct",
                "--seeds", "seeds/seed_tasks.jsonl", "--teacher-url", teacher.openAiUrl(), "--model", "crash-test",
                "--concurrency", "8", "--target", String.valueOf(TARGET), "--out", out.toString()));
        return ChildProcess.start(dir.resolve("child.log"), command);
    }

    private static void waitForLines(Path examples, int atLeast, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.exists(examples) && countLines(examples) >= atLeast) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("child still running when it had written " + atLeast + " lines").isTrue();
    }

    private static long countLines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }
}
