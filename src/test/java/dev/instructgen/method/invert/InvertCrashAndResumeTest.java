package dev.instructgen.method.invert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.testing.ChildProcess;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.PseudoText;
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
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 an invert run twice, then the same command again: exactly --target examples, no id or source twice,
 * every line whole JSON, every parent an input example.
 */
class InvertCrashAndResumeTest {

    private static final int TARGET = 120;

    @TempDir
    Path dir;

    /** A fresh pseudo-instruction per request, SKIP for about one in ten. */
    private static String invert(String prompt) {
        SplittableRandom random = new SplittableRandom(prompt.hashCode());
        return random.nextInt(10) == 0 ? "SKIP" : PseudoText.instruction(random, 8 + random.nextInt(6));
    }

    @Test
    void aRunKilledTwiceEndsWithExactlyTheTargetAndNoSourceInvertedTwice() throws Exception {
        Path out = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(InvertCrashAndResumeTest::invert,
                Duration.ofMillis(15), 16)) {
            for (int killAfter : new int[] {20, 70}) {
                Process child = start(teacher, out);
                ChildProcess.waitForLines(out.resolve("examples.jsonl"), killAfter, child);
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            Process last = start(teacher, out);
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("final run finishes").isTrue();
            assertThat(last.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        }

        Set<String> inputIds = new HashSet<>();
        for (SeedTask t : DatasetReader.read(Path.of("seeds", "seed_tasks.jsonl")).tasks()) {
            inputIds.add(t.id());
        }
        Set<String> ids = new HashSet<>();
        Set<String> parents = new HashSet<>();
        List<String> lines = Files.readAllLines(out.resolve("examples.jsonl"));
        for (String line : lines) {
            JsonNode e = JsonCodec.mapper().readTree(line);
            assertThat(ids.add(e.path("id").asText())).as("unique id " + line).isTrue();
            String parent = e.path("provenance").path("parents").get(0).asText();
            assertThat(parents.add(parent)).as("source inverted once: " + parent).isTrue();
            assertThat(inputIds).contains(parent.replaceFirst("#\\d+$", ""));
            assertThat(e.path("license").path("sources").size()).isPositive();
        }
        assertThat(lines).hasSize(TARGET);
        JsonNode stats = JsonCodec.mapper().readTree(out.resolve("stats.json").toFile());
        assertThat(stats.path("inversion").path("accepted").asLong()).isEqualTo(TARGET);
    }

    private Process start(FakeTeacherServer teacher, Path out) throws IOException {
        List<String> command = new ArrayList<>(List.of("invert",
                "--input", "seeds/seed_tasks.jsonl", "--target", String.valueOf(TARGET),
                "--rouge-threshold", "0.9",
                "--teacher-url", teacher.openAiUrl(), "--model", "crash-test", "--concurrency", "8",
                "--out", out.toString()));
        return ChildProcess.start(dir.resolve("child.log"), command);
    }
}
