package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.mix.MixFixtures;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticEvolTeacher;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mix over runs made by the real commands: a self-instruct run and an evol-instruct run against loopback
 * fake teachers, and a Dolly file under CC-BY-SA-3.0, mixed with a cap and the temperature strategy.
 */
class MixOfRealRunsTest {

    @TempDir
    Path tmp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private static long lines(Path file) throws IOException {
        return Files.readAllLines(file).size();
    }

    @Test
    void temperatureMixOfASelfInstructRunAnEvolRunAndACappedDollyFileMatchesTheFormula() throws IOException {
        Path si = tmp.resolve("si");
        Path evol = tmp.resolve("evol");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(5, 6, 0.0),
                Duration.ZERO, 4)) {
            assertThat(run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--teacher-url", teacher.openAiUrl(),
                    "--model", "qwen2.5:7b-instruct", "--target", "40", "--concurrency", "4", "--random-seed", "1",
                    "--out", si.toString())).as(err.toString()).isZero();
        }
        Path evolSeeds = tmp.resolve("evol-seeds.jsonl");
        Files.write(evolSeeds, Files.readAllLines(Path.of("seeds", "seed_tasks.jsonl")).subList(0, 30));
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticEvolTeacher(3, 0.0), Duration.ZERO, 4)) {
            assertThat(run("evol-instruct", "--input", evolSeeds.toString(), "--rounds", "1", "--teacher-url",
                    teacher.openAiUrl(), "--model", "acme-llm:7b", "--concurrency", "4", "--random-seed", "1",
                    "--out", evol.toString())).as(err.toString()).isZero();
        }
        Path dolly = MixFixtures.dolly(tmp.resolve("dolly.jsonl"), MixFixtures.instructions(3, 400), "CC-BY-SA-3.0");
        long siSize = lines(si.resolve("examples.jsonl"));
        long evolSize = lines(evol.resolve("examples.jsonl"));

        assertThat(run("mix", "--source", "si=" + si, "--source", "evol=" + evol, "--source",
                "dolly=" + dolly + ":cap=100", "--strategy", "temperature", "--temperature", "2", "--total", "90",
                "--seed", "11", "--out", tmp.resolve("mix").toString())).as(err.toString()).isZero();

        // rates proportional to sqrt(min(size, cap)); counts by the largest remainder, ties to the first source
        double[] raw = {Math.sqrt(siSize), Math.sqrt(evolSize), Math.sqrt(100)};
        double sum = raw[0] + raw[1] + raw[2];
        long[] expected = new long[3];
        double[] remainder = new double[3];
        long given = 0;
        for (int i = 0; i < 3; i++) {
            expected[i] = (long) Math.floor(90 * raw[i] / sum);
            remainder[i] = 90 * raw[i] / sum - expected[i];
            given += expected[i];
        }
        for (; given < 90; given++) {
            int best = 0;
            for (int i = 1; i < 3; i++) {
                best = remainder[i] > remainder[best] ? i : best;
            }
            expected[best]++;
            remainder[best] = -1;
        }
        Map<String, Long> bySource = new TreeMap<>();
        for (String line : Files.readAllLines(tmp.resolve("mix/examples.jsonl"))) {
            JsonNode record = JsonCodec.mapper().readTree(line);
            bySource.merge(record.at("/provenance/mix/source").asText(), 1L, Long::sum);
        }
        assertThat(bySource).containsExactlyInAnyOrderEntriesOf(
                Map.of("si", expected[0], "evol", expected[1], "dolly", expected[2]));
        System.out.printf("mix of real runs: si %d, evol %d, dolly 400 (cap 100) -> %s%n", siSize, evolSize, bySource);

        String card = Files.readString(tmp.resolve("mix/DATASET_CARD.md"));
        assertThat(card).containsPattern("\\| dolly \\| dolly.jsonl \\| Dolly \\(JSONL\\) \\| 400 \\| 100 \\| .* \\| "
                + "CC-BY-SA-3.0 \\| yes \\| yes \\|");
        assertThat(card).containsPattern("\\| evol \\| examples.jsonl \\| .* \\| unknown \\| no \\|");
        assertThat(run("mix", "--source", "si=" + si, "--source", "evol=" + evol, "--source",
                "dolly=" + dolly + ":cap=100", "--strategy", "temperature", "--total", "90", "--require-commercial",
                "--out", tmp.resolve("mix2").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--require-commercial: source 'evol'").doesNotContain("source 'dolly'");
    }
}
