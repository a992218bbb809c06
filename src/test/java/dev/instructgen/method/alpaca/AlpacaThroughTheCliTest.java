package dev.instructgen.method.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.cli.InstructgenCommand;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.testing.FakeTeacherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** alpaca through the CLI entry point against a loopback teacher in both wire formats, then stats and export. */
class AlpacaThroughTheCliTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int cli(String... args) {
        return InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    static String url(FakeTeacherServer teacher, TeacherApi api) {
        return api == TeacherApi.OPENAI ? teacher.openAiUrl() : teacher.ollamaUrl();
    }

    List<String> alpaca(FakeTeacherServer teacher, TeacherApi api, Path run, String... extra) {
        List<String> args = new ArrayList<>(List.of("alpaca", "--seeds", "seeds/seed_tasks.jsonl",
                "--teacher-api", api.wireName(), "--teacher-url", url(teacher, api), "--model", "fake",
                "--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY", "--concurrency", "4", "--out", run.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    @ParameterizedTest
    @EnumSource(TeacherApi.class)
    void writesExactlyTheTargetWithProvenanceLicenseAndACard(TeacherApi api) throws IOException {
        Path run = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticAlpacaTeacher(3, 0.2), Duration.ZERO,
                8).serving("fake")) {
            int exit = cli(alpaca(teacher, api, run, "--target", "45").toArray(String[]::new));

            assertThat(exit).as(err.toString()).isZero();
            assertThat(teacher.requestCount()).as("batches of 20, so a handful of requests").isLessThan(10);
        }
        List<String> lines = Files.readAllLines(run.resolve("examples.jsonl"));
        assertThat(lines).hasSize(45);
        Set<String> ids = new HashSet<>();
        Set<String> instructions = new HashSet<>();
        for (String line : lines) {
            JsonNode e = JSON.readTree(line);
            assertThat(ids.add(e.get("id").asText())).isTrue();
            assertThat(instructions.add(e.get("instruction").asText())).as("repeats are rejected").isTrue();
            assertThat(e.get("method").asText()).isEqualTo("alpaca");
            assertThat(e.get("output").asText()).isNotBlank().doesNotContain("**");
            JsonNode prov = e.get("provenance");
            assertThat(prov.get("teacher").get("api").asText()).isEqualTo(api.wireName());
            assertThat(prov.get("prompts").has("alpaca-generation")).isTrue();
            assertThat(prov.get("parents")).as("three seed demonstrations").hasSize(3);
            prov.get("parents").forEach(p -> assertThat(p.asText()).startsWith("seed_task_"));
            assertThat(prov.get("usage").get("prompt_tokens").asLong()).isPositive();
            assertThat(e.get("license").get("sources").toString()).contains("seed").contains("teacher");
        }
        JsonNode stats = JSON.readTree(run.resolve("stats.json").toFile());
        assertThat(stats.get("accepted").asLong()).isEqualTo(45);
        assertThat(stats.get("rejected").get("too_similar").asLong()).isPositive();
        assertThat(Files.readString(run.resolve("DATASET_CARD.md"))).contains("Alpaca one-pass generation")
                .contains("Taori");
        assertThat(JSON.readTree(run.resolve("manifest.json").toFile()).get("command").asText()).isEqualTo("alpaca");

        out.getBuffer().setLength(0);
        assertThat(cli("stats", run.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("45").contains("too_similar");
        Path exported = dir.resolve("alpaca.json");
        assertThat(cli("export", "--run", run.toString(), "--format", "alpaca", "--to", exported.toString()))
                .as(err.toString()).isZero();
        assertThat(JSON.readTree(exported.toFile())).hasSize(45);
    }

    @Test
    void resumesToExactlyTheTargetWithoutRepeatingIds() throws IOException {
        Path run = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticAlpacaTeacher(4, 0.2), Duration.ZERO,
                8).serving("fake")) {
            assertThat(cli(alpaca(teacher, TeacherApi.OPENAI, run, "--target", "30").toArray(String[]::new)))
                    .as(err.toString()).isZero();
            assertThat(cli(alpaca(teacher, TeacherApi.OPENAI, run, "--target", "70").toArray(String[]::new)))
                    .as(err.toString()).isZero();
        }
        List<String> lines = Files.readAllLines(run.resolve("examples.jsonl"));
        assertThat(lines).hasSize(70);
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            assertThat(ids.add(JSON.readTree(line).get("id").asText())).as(line).isTrue();
        }
    }

    @Test
    void aDryRunEstimatesRequestsWithoutSendingAny() {
        int exit = cli("alpaca", "--seeds", "seeds/seed_tasks.jsonl", "--model", "fake", "--target", "1000",
                "--out", dir.resolve("dry").toString(), "--dry-run");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("dry run: alpaca to 1000 examples").contains("requests          ~100");
        assertThat(dir.resolve("dry").resolve("examples.jsonl")).doesNotExist();
    }

    @Test
    void helpShowsTheDefaultsAndAnExample() {
        assertThat(cli("alpaca", "--help")).isZero();
        assertThat(out.toString()).contains("Default: 20").contains("Default: 0.7").contains("Example:")
                .contains("instructgen alpaca --seeds");
    }
}
