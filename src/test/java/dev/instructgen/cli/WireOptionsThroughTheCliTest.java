package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.testing.ChildProcess;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** --reasoning, --structured and --log-requests through the real command line against a fake teacher. */
class WireOptionsThroughTheCliTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path SEEDS = Path.of("seeds", "seed_tasks.jsonl");
    static final String FAKE_KEY = "sk-fake-wire-key-0123456789";

    @TempDir
    Path dir;

    /** A model that thinks, at some length, before it answers the classification question. */
    static Function<String, String> thinking(Function<String, String> answers) {
        return prompt -> prompt.stripTrailing().endsWith("Classification:")
                ? "<think>" + "Let me think about what is asked here and weigh it. ".repeat(4) + "</think>"
                + answers.apply(prompt) : answers.apply(prompt);
    }

    int run(FakeTeacherServer teacher, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("self-instruct", "--seeds", SEEDS.toString(), "--target", "6",
                "--out", out.toString(), "--teacher-url", teacher.openAiUrl(), "--model", "qwen3",
                "--concurrency", "1", "--random-seed", "7", "--timeout", "10s"));
        args.addAll(List.of(extra));
        StringWriter err = new StringWriter();
        int exit = InstructgenCommand.commandLine(new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true)).execute(args.toArray(String[]::new));
        assertThat(exit).as(err.toString()).isZero();
        return exit;
    }

    static List<JsonNode> bodies(FakeTeacherServer teacher, String promptEnd) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        for (String body : teacher.requestBodies()) {
            JsonNode node = JSON.readTree(body);
            JsonNode messages = node.path("messages");
            if (messages.get(messages.size() - 1).path("content").asText().stripTrailing().endsWith(promptEnd)) {
                found.add(node);
            }
        }
        return found;
    }

    @Test
    void aThinkingModelsClassificationCutOffWhileThinkingIsSentAgainWithRoomAndTheRunReachesItsTarget()
            throws IOException {
        Path out = dir.resolve("thinking");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(
                thinking(new SyntheticSelfInstructTeacher(3, 6)), Duration.ZERO, 2).honouringMaxTokens()) {
            run(teacher, out);
            List<Integer> limits = bodies(teacher, "Classification:").stream()
                    .map(b -> b.path("max_tokens").asInt()).toList();
            // the first is cut off inside <think> and sent again with room; later ones get the room at once
            assertThat(limits).hasSizeGreaterThan(2).startsWith(3, 3 + 1024);
            assertThat(limits.subList(2, limits.size())).containsOnly(Integer.valueOf(3 + 1024));
        }
        JsonNode stats = JSON.readTree(out.resolve("stats.json").toFile());
        assertThat(stats.path("accepted").asLong()).isEqualTo(6);
        assertThat(Files.readString(out.resolve("examples.jsonl"))).doesNotContain("<think>");
    }

    @Test
    void reasoningOffSendsTheSwitchInEveryRequestAndIsRecordedInTheManifest() throws IOException {
        Path out = dir.resolve("off");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(3, 6),
                Duration.ZERO, 2)) {
            run(teacher, out, "--reasoning", "off");
            assertThat(teacher.requestBodies()).isNotEmpty()
                    .allSatisfy(b -> assertThat(JSON.readTree(b).path("chat_template_kwargs").path("enable_thinking")
                            .asBoolean(true)).isFalse());
        }
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.path("settings").path("teacher").path("reasoning").asText()).isEqualTo("off");
    }

    @Test
    void structuredInstructionListsAreAskedForWithASchemaAndTheirJsonRepliesBecomeExamples() throws IOException {
        Path out = dir.resolve("structured");
        SyntheticSelfInstructTeacher text = new SyntheticSelfInstructTeacher(3, 6);
        Function<String, String> jsonLists = prompt -> {
            String reply = text.apply(prompt);
            if (!prompt.contains("Continue the numbered list")) {
                return reply;
            }
            List<String> items = new ArrayList<>();
            for (String line : reply.split("\n")) {
                items.add(line.replaceFirst("^\\s*\\d+\\.\\s*", ""));
            }
            try {
                return JSON.writeValueAsString(java.util.Map.of("instructions", items));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        };
        try (FakeTeacherServer teacher = FakeTeacherServer.start(jsonLists, Duration.ZERO, 2)) {
            run(teacher, out, "--structured", "on");
            List<String> bodies = teacher.requestBodies();
            assertThat(bodies).anySatisfy(b -> assertThat(JSON.readTree(b).path("response_format")
                    .path("json_schema").path("name").asText()).isEqualTo("instructions"));
        }
        assertThat(JSON.readTree(out.resolve("stats.json").toFile()).path("accepted").asLong()).isEqualTo(6);
        assertThat(Files.readString(out.resolve("examples.jsonl"))).doesNotContain("{\"instructions\"");
    }

    @Test
    void logRequestsWritesEveryRequestAndReplyAndNeverTheKey() throws Exception {
        Path out = dir.resolve("logged");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(3, 6),
                Duration.ZERO, 2)) {
            List<String> command = List.of("self-instruct",
                    "--seeds", SEEDS.toString(), "--teacher-url", teacher.openAiUrl(), "--model", "logged",
                    "--api-key-env", "WIRE_TEST_KEY", "--target", "4", "--concurrency", "2", "--log-requests",
                    "--out", out.toString());
            File log = dir.resolve("child.log").toFile();
            ProcessBuilder builder = ChildProcess.builder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            builder.environment().put("WIRE_TEST_KEY", FAKE_KEY);
            Process child = builder.start();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(Files.readString(log.toPath())).isZero();

            List<String> lines = Files.readAllLines(out.resolve("requests.jsonl"));
            assertThat(lines).hasSize((int) teacher.requestCount());
            JsonNode first = JSON.readTree(lines.get(0));
            assertThat(first.path("stage").asText()).isEqualTo("instruction-generation");
            assertThat(first.path("messages").get(0).path("content").asText()).contains("Continue the numbered list");
            assertThat(first.path("reply").path("text").asText()).isNotBlank();
            String all = Files.readString(out.resolve("requests.jsonl"));
            assertThat(all).doesNotContain(FAKE_KEY).doesNotContainIgnoringCase("authorization")
                    .doesNotContainIgnoringCase("bearer");
        }
        JsonNode manifest = JSON.readTree(out.resolve("manifest.json").toFile());
        assertThat(manifest.toString()).doesNotContain("log_requests").doesNotContain("log-requests");
    }
}
