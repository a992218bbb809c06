package dev.instructgen.method.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.method.unnatural.SyntheticUnnaturalTeacher;
import dev.instructgen.testing.ChildProcess;
import dev.instructgen.testing.FakeTeacherServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a child JVM at several moments, then the same command again, for alpaca and unnatural: the run ends
 * with exactly the target, every line whole JSON, no id twice, and no core instruction twice.
 */
class NewMethodsCrashAndResumeTest {

    private static final int TARGET = 150;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"alpaca", "unnatural"})
    void aRunKilledTwiceFinishesWithExactlyTheTargetAndNothingRepeated(String command) throws Exception {
        Path out = dir.resolve("run");
        Function<String, String> fake = command.equals("alpaca") ? new SyntheticAlpacaTeacher(5, 0.2)
                : new SyntheticUnnaturalTeacher(5, 0.2);
        try (FakeTeacherServer teacher = FakeTeacherServer.start(fake, Duration.ofMillis(40), 16)) {
            for (int killAfter : new int[] {30, 90}) {
                Process child = start(command, teacher, out);
                ChildProcess.waitForLines(out.resolve("examples.jsonl"), killAfter, child);
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            Process last = start(command, teacher, out);
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("final run finishes").isTrue();
            assertThat(last.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        }
        List<String> lines = Files.readAllLines(out.resolve("examples.jsonl"));
        assertThat(lines).hasSize(TARGET);
        Set<String> ids = new HashSet<>();
        Set<String> coreInstructions = new HashSet<>();
        for (String line : lines) {
            JsonNode example = JSON.readTree(line);
            assertThat(ids.add(example.path("id").asText())).as("unique id " + line).isTrue();
            if (example.path("id").asText().equals(example.path("task_id").asText())) {
                assertThat(coreInstructions.add(example.path("instruction").asText())).as(line).isTrue();
            }
        }
        assertThat(JSON.readTree(out.resolve("stats.json").toFile()).path("accepted").asLong()).isEqualTo(TARGET);
    }

    private Process start(String command, FakeTeacherServer teacher, Path out) throws IOException {
        List<String> args = new ArrayList<>(List.of(command,
                "--seeds", "seeds/seed_tasks.jsonl", "--teacher-url", teacher.openAiUrl(), "--model", "crash-test",
                "--concurrency", "4", "--target", String.valueOf(TARGET), "--out", out.toString()));
        if (command.equals("alpaca")) {
            args.addAll(List.of("--tasks-per-request", "5"));
        }
        return ChildProcess.start(dir.resolve("child.log"), args);
    }
}
