package dev.instructgen.method.unnatural;

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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** unnatural through the CLI entry point against a loopback teacher in both wire formats, then stats and export. */
class UnnaturalThroughTheCliTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int cli(String... args) {
        return InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    List<String> unnatural(FakeTeacherServer teacher, TeacherApi api, Path run, String... extra) {
        List<String> args = new ArrayList<>(List.of("unnatural", "--seeds", "seeds/seed_tasks.jsonl",
                "--teacher-api", api.wireName(),
                "--teacher-url", api == TeacherApi.OPENAI ? teacher.openAiUrl() : teacher.ollamaUrl(),
                "--model", "fake", "--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY", "--concurrency", "4",
                "--out", run.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    @ParameterizedTest
    @EnumSource(TeacherApi.class)
    void writesCoreExamplesAndTheirParaphrasesToExactlyTheTarget(TeacherApi api) throws IOException {
        Path run = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticUnnaturalTeacher(3, 0.3),
                Duration.ZERO, 8).serving("fake")) {
            int exit = cli(unnatural(teacher, api, run, "--target", "30", "--paraphrases", "2")
                    .toArray(String[]::new));
            assertThat(exit).as(err.toString()).isZero();
        }
        List<String> lines = Files.readAllLines(run.resolve("examples.jsonl"));
        assertThat(lines).hasSize(30);
        Set<String> ids = new HashSet<>();
        Map<String, JsonNode> cores = new HashMap<>();
        List<JsonNode> paraphrases = new ArrayList<>();
        for (String line : lines) {
            JsonNode e = JSON.readTree(line);
            assertThat(ids.add(e.get("id").asText())).isTrue();
            assertThat(e.get("method").asText()).isEqualTo("unnatural");
            assertThat(e.get("output").asText()).isNotBlank();
            assertThat(e.get("license").get("sources").toString()).contains("seed").contains("teacher");
            assertThat(e.get("provenance").get("teacher").get("api").asText()).isEqualTo(api.wireName());
            if (e.get("id").asText().equals(e.get("task_id").asText())) {
                cores.put(e.get("id").asText(), e);
                assertThat(e.get("instruction").asText()).doesNotContain("**");
                assertThat(e.get("provenance").get("parents")).hasSize(3);
            } else {
                paraphrases.add(e);
            }
        }
        assertThat(paraphrases).as("two paraphrases per core example, bar the last").hasSizeGreaterThan(15);
        for (JsonNode p : paraphrases) {
            JsonNode core = cores.get(p.get("task_id").asText());
            assertThat(core).as("parent of " + p).isNotNull();
            assertThat(p.get("provenance").get("parents").get(0).asText()).isEqualTo(core.get("id").asText());
            assertThat(p.get("input").asText()).isEqualTo(core.get("input").asText());
            assertThat(p.get("output").asText()).isEqualTo(core.get("output").asText());
            assertThat(p.get("instruction").asText()).isNotEqualTo(core.get("instruction").asText());
            assertThat(p.get("provenance").get("prompts").has("paraphrase")).isTrue();
        }
        JsonNode stats = JSON.readTree(run.resolve("stats.json").toFile());
        assertThat(stats.get("accepted").asLong()).isEqualTo(30);
        assertThat(stats.get("rejected").path("too_similar").asLong()).as("repeated core instructions: " + stats)
                .isPositive();
        assertThat(Files.readString(run.resolve("DATASET_CARD.md"))).contains("Unnatural Instructions")
                .contains("Honovich");

        out.getBuffer().setLength(0);
        assertThat(cli("stats", run.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("30");
        Path exported = dir.resolve("chat.jsonl");
        assertThat(cli("export", "--run", run.toString(), "--format", "openai-chat", "--to", exported.toString()))
                .as(err.toString()).isZero();
        assertThat(Files.readAllLines(exported)).hasSize(30);
    }

    @Test
    void withoutParaphrasesEveryExampleIsACoreExample() throws IOException {
        Path run = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticUnnaturalTeacher(5, 0.0),
                Duration.ZERO, 8).serving("fake")) {
            assertThat(cli(unnatural(teacher, TeacherApi.OPENAI, run, "--target", "12", "--paraphrases", "0")
                    .toArray(String[]::new))).as(err.toString()).isZero();
        }
        for (String line : Files.readAllLines(run.resolve("examples.jsonl"))) {
            JsonNode e = JSON.readTree(line);
            assertThat(e.get("id").asText()).isEqualTo(e.get("task_id").asText());
        }
    }

    @Test
    void aDryRunCountsCoreExamplesAndParaphrases() {
        int exit = cli("unnatural", "--seeds", "seeds/seed_tasks.jsonl", "--model", "fake", "--target", "300",
                "--out", dir.resolve("dry").toString(), "--dry-run");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("dry run: unnatural to 300 examples")
                .contains("core examples     ~100 (each with 2 paraphrases)");
    }

    @Test
    void helpShowsTheDefaultsAndAnExample() {
        assertThat(cli("unnatural", "--help")).isZero();
        assertThat(out.toString()).contains("--paraphrases").contains("Default: 2").contains("Example:")
                .contains("instructgen unnatural --seeds");
    }
}
