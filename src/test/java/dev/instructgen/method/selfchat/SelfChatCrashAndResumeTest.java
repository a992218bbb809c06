package dev.instructgen.method.selfchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.cli.Main;
import dev.instructgen.testing.FakeTeacherServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a child JVM running self-chat twice, then the same command again, in both wire formats: the run
 * ends with exactly the target, every line whole JSON, no id twice, no opening user turn twice, and the
 * conversations section of stats.json counts every kept conversation of all three sessions.
 */
class SelfChatCrashAndResumeTest {

    private static final int TARGET = 120;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"openai", "ollama"})
    void aRunKilledTwiceFinishesWithExactlyTheTargetAndNothingRepeated(String api) throws Exception {
        Path out = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfChatTeacher(11),
                Duration.ofMillis(30), 16).serving("crash-test")) {
            for (int killAfter : new int[] {25, 70}) {
                Process child = start(api, teacher, out);
                waitForLines(out.resolve("examples.jsonl"), killAfter, child);
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            Process last = start(api, teacher, out);
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("final run finishes").isTrue();
            assertThat(last.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        }
        List<String> lines = Files.readAllLines(out.resolve("examples.jsonl"));
        assertThat(lines).hasSize(TARGET);
        Set<String> ids = new HashSet<>();
        Set<String> openings = new HashSet<>();
        for (String line : lines) {
            JsonNode example = JSON.readTree(line);
            assertThat(ids.add(example.path("id").asText())).as("unique id " + line).isTrue();
            assertThat(openings.add(example.path("messages").get(0).path("content").asText())).as(line).isTrue();
            assertThat(example.path("messages").size()).isGreaterThanOrEqualTo(2);
        }
        for (String line : Files.readAllLines(out.resolve("rejected.jsonl"))) {
            assertThat(ids.add(JSON.readTree(line).path("id").asText())).as("rejected id unique " + line).isTrue();
        }
        JsonNode stats = JSON.readTree(out.resolve("stats.json").toFile());
        assertThat(stats.path("accepted").asLong()).isEqualTo(TARGET);
        assertThat(stats.path("conversations").path("kept").asLong()).isEqualTo(TARGET);
    }

    private Process start(String api, FakeTeacherServer teacher, Path out) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> args = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classpath, Main.class.getName(), "self-chat",
                "--seeds", "seeds/seed_tasks.jsonl", "--teacher-api", api,
                "--teacher-url", api.equals("openai") ? teacher.openAiUrl() : teacher.ollamaUrl(),
                "--model", "crash-test", "--concurrency", "4", "--target", String.valueOf(TARGET),
                "--out", out.toString()));
        File log = dir.resolve("child.log").toFile();
        return new ProcessBuilder(args).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    private static void waitForLines(Path examples, int atLeast, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.exists(examples) && Files.readAllLines(examples).size() >= atLeast) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("child still running when it had written " + atLeast + " lines").isTrue();
    }
}
