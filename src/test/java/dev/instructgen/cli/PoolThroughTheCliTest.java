package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A pool of endpoints through the real command (docs/teacher.md, "A pool of endpoints"). */
class PoolThroughTheCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private static String name(FakeTeacherServer fake) {
        return fake.openAiUrl().replace("http://", "");
    }

    /** A loopback port nothing listens on. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void twoTeacherUrlsShareTheRunAndEveryExampleNamesItsEndpoint() throws Exception {
        try (FakeTeacherServer a = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(3, 6), Duration.ZERO, 4);
             FakeTeacherServer b = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(4, 6), Duration.ZERO, 4)) {
            Path runDir = dir.resolve("run");
            int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--model", "m",
                    "--teacher-url", a.openAiUrl(), "--teacher-url", b.openAiUrl(), "--concurrency", "4",
                    "--target", "30", "--out", runDir.toString());

            assertThat(exit).as(err.toString()).isZero();
            assertThat(a.requestCount()).isPositive();
            assertThat(b.requestCount()).isPositive();
            JsonNode stats = JsonCodec.mapper().readTree(runDir.resolve("stats.json").toFile());
            JsonNode endpoints = stats.path("endpoints");
            assertThat(endpoints.size()).isEqualTo(2);
            assertThat(endpoints.path(name(a)).path("answered").asLong()
                    + endpoints.path(name(b)).path("answered").asLong())
                    .isEqualTo(stats.path("requests").path("succeeded").asLong());
            assertThat(endpoints.path(name(a)).path("share").asDouble()
                    + endpoints.path(name(b)).path("share").asDouble()).isBetween(0.99, 1.01);
            List<String> lines = Files.readAllLines(runDir.resolve("examples.jsonl"));
            assertThat(lines).hasSize(30);
            Set<String> answeredBy = new HashSet<>();
            for (String line : lines) {
                answeredBy.add(JsonCodec.mapper().readTree(line).path("provenance").path("endpoint").asText());
            }
            assertThat(Set.of(name(a), name(b))).containsAll(answeredBy);

            out.getBuffer().setLength(0);
            assertThat(run("stats", runDir.toString())).isZero();
            assertThat(out.toString()).contains("endpoints   2 in the pool").contains("  " + name(a) + " (m, up): ");
        }
    }

    @Test
    void aPoolWithOneEndpointDownWarnsAndReachesItsTargetOnTheOther() throws Exception {
        try (FakeTeacherServer up = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(3, 6), Duration.ZERO, 4)) {
            String down = "http://127.0.0.1:" + closedPort() + "/v1";
            Path runDir = dir.resolve("half");
            int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--model", "m",
                    "--teacher-url", down, "--teacher-url", up.openAiUrl(), "--concurrency", "4",
                    "--target", "12", "--out", runDir.toString());

            assertThat(exit).as(err.toString()).isZero();
            assertThat(err.toString()).contains("pool endpoint " + down.replace("http://", "") + " does not answer");
            JsonNode stats = JsonCodec.mapper().readTree(runDir.resolve("stats.json").toFile());
            assertThat(stats.path("requests").path("failed").asLong()).isZero();
            assertThat(stats.path("endpoints").path(down.replace("http://", "")).path("requests").asLong())
                    .as("it started drained").isZero();
        }
    }

    @Test
    void aPoolWithEveryEndpointDownFailsAtOnceNamingEach() throws Exception {
        String a = "http://127.0.0.1:" + closedPort() + "/v1";
        String b = "http://127.0.0.1:" + closedPort() + "/v1";
        long start = System.nanoTime();

        int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--model", "m", "--teacher-url", a,
                "--teacher-url", b, "--target", "5", "--out", dir.resolve("none").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(err.toString()).contains("none of the pool's 2 endpoints answers: no server at " + a)
                .contains("no server at " + b);
        assertThat(dir.resolve("none")).doesNotExist();
    }

    @Test
    void aPoolOfDifferentModelsIsRefusedWithExit2UnlessAllowed() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "teachers:\n  - {url: http://127.0.0.1:1/v1, model: llama3.1:8b}\n"
                + "  - {url: http://127.0.0.1:2/v1, model: qwen2.5:7b, weight: 2}\n");

        int exit = run("self-instruct", "--config", config.toString(), "--seeds", "seeds/seed_tasks.jsonl",
                "--target", "5", "--out", dir.resolve("mixed").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("different models (llama3.1:8b, qwen2.5:7b)")
                .contains("--allow-mixed-models");
    }

    @Test
    void withMixedModelsAllowedEachExampleNamesTheModelThatAnswered() throws Exception {
        try (FakeTeacherServer a = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(3, 6), Duration.ZERO, 4);
             FakeTeacherServer b = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(4, 6), Duration.ZERO, 4)) {
            Path config = dir.resolve("config.yaml");
            Files.writeString(config, "teachers:\n  - {url: '" + a.openAiUrl() + "', model: model-a}\n"
                    + "  - {url: '" + b.openAiUrl() + "', model: model-b, max-concurrency: 2}\n");
            Path runDir = dir.resolve("mixed-ok");

            int exit = run("self-instruct", "--config", config.toString(), "--allow-mixed-models", "--seeds",
                    "seeds/seed_tasks.jsonl", "--concurrency", "4", "--target", "20", "--out", runDir.toString());

            assertThat(exit).as(err.toString()).isZero();
            for (String line : Files.readAllLines(runDir.resolve("examples.jsonl"))) {
                JsonNode p = JsonCodec.mapper().readTree(line).path("provenance");
                String expected = p.path("endpoint").asText().equals(name(a)) ? "model-a" : "model-b";
                assertThat(p.path("teacher").path("model").asText()).isEqualTo(expected);
                assertThat(JsonCodec.mapper().readTree(line).path("license").toString()).contains(expected);
            }
            JsonNode stats = JsonCodec.mapper().readTree(runDir.resolve("stats.json").toFile());
            assertThat(stats.path("endpoints").path(name(b)).path("limit").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aTeachersEntryWithAnUnknownKeyNamesTheFileAndTheEntry() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "teachers:\n  - {url: http://127.0.0.1:1/v1, wieght: 2}\n");

        int exit = run("self-instruct", "--config", config.toString(), "--seeds", "seeds/seed_tasks.jsonl",
                "--model", "m", "--target", "5", "--out", dir.resolve("typo").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(config + ": teachers[1]: unknown key 'wieght'");
    }

    @Test
    void theSameEndpointListedTwiceIsRefused() throws Exception {
        int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--model", "m",
                "--teacher-url", "http://127.0.0.1:9/v1", "--teacher-url", "http://127.0.0.1:9/v1/",
                "--target", "5", "--out", dir.resolve("twice").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("lists the endpoint 127.0.0.1:9/v1 twice");
    }
}
