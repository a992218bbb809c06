package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.testing.ChildProcess;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticEvolTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 an evol-instruct run twice, then the same command again: every lineage ends with exactly its rounds
 * attempted, no example twice, every line whole JSON, and every parent an accepted example or an input.
 */
class EvolCrashAndResumeTest {

    private static final int ROUNDS = 2;

    @TempDir
    Path dir;

    @Test
    void aRunKilledTwiceFinishesEveryRoundOnceWithIntactLineages() throws Exception {
        Path out = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticEvolTeacher(3, 0.2),
                Duration.ofMillis(15), 16)) {
            for (int killAfter : new int[] {40, 160}) {
                Process child = start(teacher, out);
                ChildProcess.waitForLines(out.resolve("examples.jsonl"), killAfter, child);
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            Process last = start(teacher, out);
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("final run finishes").isTrue();
            assertThat(last.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        }

        List<SeedTask> seeds = DatasetReader.read(Path.of("seeds", "seed_tasks.jsonl")).tasks();
        Set<String> inputIds = new HashSet<>();
        seeds.forEach(t -> inputIds.add(t.id()));
        Map<String, JsonNode> byId = new HashMap<>();
        for (String line : Files.readAllLines(out.resolve("examples.jsonl"))) {
            JsonNode e = JsonCodec.mapper().readTree(line);
            assertThat(byId.put(e.path("id").asText(), e)).as("unique id " + line).isNull();
        }
        for (JsonNode e : byId.values()) {
            String parent = e.path("provenance").path("parents").get(0).asText();
            assertThat(byId.containsKey(parent) || inputIds.contains(parent)).as("parent of " + e).isTrue();
            assertThat(e.path("provenance").path("evolution").path("round").asInt()).isBetween(1, ROUNDS);
        }
        JsonNode stats = JsonCodec.mapper().readTree(out.resolve("stats.json").toFile());
        JsonNode evolution = stats.path("evolution");
        assertThat(evolution.path("attempted").asLong()).isEqualTo((long) seeds.size() * ROUNDS);
        assertThat(evolution.path("accepted").asLong()).isEqualTo(byId.size());
        assertThat(stats.path("status").asText()).isEqualTo("completed");
        JsonNode checkpoint = JsonCodec.mapper().readTree(out.resolve("checkpoints/evol-chains.json").toFile());
        checkpoint.path("chains").forEach(c -> assertThat(c.path("rounds_done").asInt()).isEqualTo(ROUNDS));
        assertThat(checkpoint.path("chains").size()).isEqualTo(seeds.size());
    }

    private Process start(FakeTeacherServer teacher, Path out) throws IOException {
        List<String> command = new ArrayList<>(List.of("evol-instruct",
                "--input", "seeds/seed_tasks.jsonl", "--rounds", String.valueOf(ROUNDS),
                "--teacher-url", teacher.openAiUrl(), "--model", "crash-test", "--concurrency", "8",
                "--out", out.toString()));
        return ChildProcess.start(dir.resolve("child.log"), command);
    }
}
