package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM on a running self-instruct in a child JVM: the run stops issuing requests, writes what is complete and
 * exits 3, resumable; the same command then finishes the run to exactly the target.
 */
@DisabledOnOs(OS.WINDOWS)
class SelfInstructInterruptTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Process start(FakeTeacherServer teacher, Path out, int target) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "self-instruct", "--seeds", Path.of("seeds", "seed_tasks.jsonl").toString(), "--out", out.toString(),
                "--teacher-url", teacher.openAiUrl(), "--model", "test-model", "--target", String.valueOf(target),
                "--concurrency", "4", "--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    @Test
    void sigtermStopsTheRunResumablyAndTheSameCommandFinishesIt() throws Exception {
        Path out = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(5, 7),
                Duration.ofMillis(100), 8)) {
            Process child = start(teacher, out, 100_000);
            Path examples = out.resolve("examples.jsonl");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline
                    && (!Files.exists(examples) || Files.readAllLines(examples).size() < 5)) {
                Thread.sleep(100);
            }
            child.destroy(); // SIGTERM
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(child.exitValue()).isEqualTo(3);
            JsonNode stats = JSON.readTree(out.resolve("stats.json").toFile());
            assertThat(stats.get("status").asText()).isEqualTo("stopped");
            assertThat(stats.get("stop_reason").asText()).isEqualTo("interrupted");
            List<String> lines = Files.readAllLines(examples);
            assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
            for (String line : lines) {
                assertThat(JSON.readTree(line).get("id").asText()).startsWith("si-");
            }
            assertThat(stats.get("accepted").asLong()).isEqualTo(lines.size());

            int target = lines.size() + 10;
            Process resumed = start(teacher, out, target);
            assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(resumed.exitValue()).isZero();
            List<JsonNode> all = Files.readAllLines(examples).stream().map(l -> {
                try {
                    return JSON.readTree(l);
                } catch (IOException e) {
                    throw new AssertionError(l, e);
                }
            }).toList();
            assertThat(all).hasSize(target);
            assertThat(all).extracting(e -> e.get("id").asText()).doesNotHaveDuplicates();
            assertThat(all).extracting(e -> e.get("instruction").asText()).doesNotHaveDuplicates();
        }
    }
}
