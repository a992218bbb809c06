package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instance generation under {@code --structured on}: each request declares the schema of its format (input-first
 * or output-first), a server that answers with that JSON gets its instances read, and one that answers in plain
 * text anyway is still read by the text parser.
 */
class StructuredInstancesThroughTheCliTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Instance replies as JSON of the declared shape for every other prompt, plain text for the rest. */
    static Function<String, String> halfJsonInstances() {
        SyntheticSelfInstructTeacher text = new SyntheticSelfInstructTeacher(3, 6);
        return prompt -> {
            String reply = text.apply(prompt);
            if (!prompt.contains("Now write ") || Math.floorMod(prompt.hashCode(), 2) == 0) {
                return reply;
            }
            try {
                if (reply.startsWith("Class label: ")) {
                    String[] parts = reply.substring("Class label: ".length()).split("\nInput: ", 2);
                    return JSON.writeValueAsString(Map.of("examples",
                            List.of(Map.of("class_label", parts[0], "input", parts[1]))));
                }
                String[] parts = reply.substring("Example 1\nInput: ".length()).split("\nOutput: ", 2);
                return JSON.writeValueAsString(Map.of("examples",
                        List.of(Map.of("input", parts[0], "output", "JSON " + parts[1]))));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void instanceRequestsDeclareTheirSchemaAndBothJsonAndPlainRepliesBecomeExamples() throws IOException {
        Path out = dir.resolve("structured");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(halfJsonInstances(), Duration.ZERO, 2)) {
            run(out, "--teacher-url", teacher.openAiUrl(), "--structured", "on");
            List<String> schemas = new ArrayList<>();
            for (String body : teacher.requestBodies()) {
                JsonNode node = JSON.readTree(body);
                String prompt = node.path("messages").get(0).path("content").asText();
                if (prompt.contains("Now write ")) {
                    schemas.add(node.path("response_format").path("json_schema").path("name").asText());
                }
            }
            assertThat(schemas).isNotEmpty().containsOnly("instances", "classification_instances")
                    .contains("instances");
        }
        String examples = Files.readString(out.resolve("examples.jsonl"));
        assertThat(JudgeEndToEndTest.lines(out.resolve("examples.jsonl"))).hasSize(12);
        assertThat(examples).contains("\"output\":\"JSON ").doesNotContain("{\\\"examples\\\"");
        assertThat(JudgeEndToEndTest.lines(out.resolve("examples.jsonl")))
                .anySatisfy(e -> assertThat(e.path("output").asText()).doesNotStartWith("JSON "));
    }

    @Test
    void overOllamaTheSchemaGoesInTheFormatField() throws IOException {
        Path out = dir.resolve("ollama");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(halfJsonInstances(), Duration.ZERO, 2)
                .serving("qwen3")) {
            run(out, "--teacher-url", teacher.ollamaUrl(), "--teacher-api", "ollama", "--structured", "on");
            assertThat(teacher.requestBodies()).anySatisfy(body -> {
                JsonNode node = JSON.readTree(body);
                assertThat(node.path("messages").get(0).path("content").asText()).contains("Now write ");
                assertThat(node.path("format").path("properties").has("examples")).isTrue();
            });
        }
        assertThat(JudgeEndToEndTest.lines(out.resolve("examples.jsonl"))).hasSize(12);
    }

    private void run(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("self-instruct", "--seeds", "seeds/seed_tasks.jsonl",
                "--target", "12", "--out", out.toString(), "--model", "qwen3", "--concurrency", "1",
                "--random-seed", "7", "--timeout", "10s", "--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY"));
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        int exit = InstructgenCommand.commandLine(new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true)).execute(args.toArray(String[]::new));
        assertThat(exit).as(err.toString()).isZero();
    }
}
