package dev.instructgen.method.invert;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.instructgen.cli.InstructgenCommand;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.JsonLines;
import dev.instructgen.testing.WireMockTeacher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** invert end to end through the CLI, against a scripted teacher on WireMock in both wire formats. */
class InvertCommandTest {

    @TempDir
    Path dir;

    private WireMockServer server;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static final String TASK = "Task:\n";

    private Path alpaca() throws IOException {
        Path file = dir.resolve("data.jsonl");
        Files.write(file, List.of(
                "{\"instruction\":\"What is the capital of Peru?\",\"input\":\"\",\"output\":\"Lima.\"}",
                "{\"instruction\":\"Translate into French.\",\"input\":\"Good morning\",\"output\":\"Bonjour\"}",
                "{\"instruction\":\"Tell me how you feel today.\",\"input\":\"\",\"output\":\"I feel fine.\"}",
                "{\"instruction\":\"Name a prime number.\",\"input\":\"\",\"output\":\"Seven.\"}"));
        Files.writeString(dir.resolve("data.jsonl.license"), "CC0-1.0\n");
        return file;
    }

    private WireMockTeacher teacher(boolean ollama) {
        return new WireMockTeacher(server, ollama)
                .on(TASK + "What is the capital of Peru", "Instruction: Name the country whose capital city is given.")
                .on(TASK + "Translate into French", "Translate the French greeting into English.")
                .on(TASK + "Tell me how you feel", "SKIP")
                .on(TASK + "Name a prime number", "What is the capital of Peru?")
                .otherwise("SKIP");
    }

    private int run(WireMockTeacher teacher, Path input, Path runDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("invert", "--input", input.toString(), "--out",
                runDir.toString(), "--teacher-api", teacher.api(), "--teacher-url", teacher.url(),
                "--model", "wire-test", "--timeout", "5s"));
        args.addAll(List.of(extra));
        return InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "ollama wire format: {0}")
    @ValueSource(booleans = {false, true})
    void eachExampleWithAnOutputIsInvertedSkippedOrRejectedAsTooSimilar(boolean ollama) throws IOException {
        Path runDir = dir.resolve("run");
        int exit = run(teacher(ollama), alpaca(), runDir);

        assertThat(exit).as(err.toString()).isZero();
        List<JsonNode> examples = JsonLines.readIfExists(runDir.resolve("examples.jsonl"));
        assertThat(examples).extracting(e -> e.path("instruction").asText()).containsExactlyInAnyOrder(
                "Name the country whose capital city is given.", "Translate the French greeting into English.");
        JsonNode peru = examples.stream().filter(e -> e.path("id").asText().equals("data-1.inv")).findFirst()
                .orElseThrow();
        assertThat(peru.path("input").asText()).isEqualTo("Lima.");
        assertThat(peru.path("output").asText()).isEqualTo("What is the capital of Peru?");
        assertThat(peru.path("method").asText()).isEqualTo("invert");
        assertThat(peru.path("provenance").path("parents").get(0).asText()).isEqualTo("data-1");
        assertThat(peru.path("provenance").path("prompts").path("invert").asText()).startsWith("invert/inversion.txt@");
        assertThat(peru.path("license").path("license").asText()).isEqualTo("CC0-1.0");
        JsonNode french = examples.stream().filter(e -> e.path("id").asText().equals("data-2.inv")).findFirst()
                .orElseThrow();
        assertThat(french.path("input").asText()).isEqualTo("Bonjour");
        assertThat(french.path("output").asText()).isEqualTo("Good morning");

        List<JsonNode> rejected = JsonLines.readIfExists(runDir.resolve("rejected.jsonl"));
        assertThat(rejected).extracting(r -> r.path("id").asText() + " " + r.path("reason").asText())
                .containsExactlyInAnyOrder("data-3.inv inversion_skipped", "data-4.inv too_similar");
        JsonNode stats = JsonCodec.mapper().readTree(runDir.resolve("stats.json").toFile());
        assertThat(stats.path("inversion").path("sources").asLong()).isEqualTo(4);
        assertThat(stats.path("inversion").path("skipped").asLong()).isEqualTo(1);
        assertThat(stats.path("inversion").path("accepted").asLong()).isEqualTo(2);
        assertThat(stats.path("rejected").path("inversion_skipped").asLong()).isEqualTo(1);
        assertThat(Files.readString(runDir.resolve("DATASET_CARD.md"))).contains("Input inversion", "longpre2023flan");
    }

    @Test
    void aRerunAsksOnlyAboutSourcesNotYetDoneAndStopsAtTheTarget() throws IOException {
        WireMockTeacher teacher = teacher(false);
        Path runDir = dir.resolve("run");
        Path input = alpaca();
        assertThat(run(teacher, input, runDir, "--target", "1", "--concurrency", "1")).as(err.toString()).isZero();
        assertThat(JsonLines.readIfExists(runDir.resolve("examples.jsonl"))).hasSize(1);
        int first = teacher.requests();

        assertThat(run(teacher, input, runDir, "--target", "2", "--concurrency", "1")).as(err.toString()).isZero();
        List<JsonNode> examples = JsonLines.readIfExists(runDir.resolve("examples.jsonl"));
        assertThat(examples).hasSize(2);
        assertThat(examples).extracting(e -> e.path("id").asText()).doesNotHaveDuplicates();
        assertThat(teacher.requests() - first).as("requests of the resumed run").isLessThanOrEqualTo(3);
    }

    @Test
    void aDryRunEstimatesOneRequestPerSourceWithoutSendingAny() throws IOException {
        WireMockTeacher teacher = teacher(false);
        int exit = run(teacher, alpaca(), dir.resolve("run"), "--dry-run");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString() + err).contains("dry run: invert", "requests          at most 4");
        assertThat(teacher.requests()).isZero();
    }
}
