package dev.instructgen.method.selfchat;

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

/**
 * self-chat through the CLI entry point against a loopback teacher in both wire formats with chatty replies
 * (reasoning, preamble, bold and Baize tags, a closing offer), then stats, validate and export of the run.
 */
class SelfChatThroughTheCliTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> STOPS = Set.of("turns_reached", "model_ended", "cut_off", "empty_turn",
            "repeated_turn", "role_confused");

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int cli(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    static String url(FakeTeacherServer teacher, TeacherApi api) {
        return api == TeacherApi.OPENAI ? teacher.openAiUrl() : teacher.ollamaUrl();
    }

    List<String> selfChat(FakeTeacherServer teacher, TeacherApi api, Path run, String... extra) {
        List<String> args = new ArrayList<>(List.of("self-chat", "--teacher-api", api.wireName(),
                "--teacher-url", url(teacher, api), "--model", "fake", "--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY",
                "--concurrency", "4", "--out", run.toString()));
        args.addAll(List.of(extra));
        return args;
    }

    Path topics() throws IOException {
        Path file = dir.resolve("topics.txt");
        Files.writeString(file, "How do tides work?\n\nWhy is the sky blue?\nHow do I start running at 40?\n"
                + "What makes sourdough rise?\n");
        return file;
    }

    static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @ParameterizedTest
    @EnumSource(TeacherApi.class)
    void writesExactlyTheTargetOfCleanConversationsWithProvenanceLicenseAndACard(TeacherApi api) throws IOException {
        Path run = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfChatTeacher(7), Duration.ZERO, 8)
                .serving("fake")) {
            int exit = cli(selfChat(teacher, api, run, "--topics", topics().toString(), "--turns", "3",
                    "--target", "30", "--seeds-license", "CC0-1.0").toArray(String[]::new));
            assertThat(exit).as(err.toString()).isZero();
        }
        List<JsonNode> examples = lines(run.resolve("examples.jsonl"));
        assertThat(examples).hasSize(30);
        Set<String> ids = new HashSet<>();
        for (JsonNode e : examples) {
            assertThat(ids.add(e.get("id").asText())).isTrue();
            assertThat(e.get("method").asText()).isEqualTo("self-chat");
            JsonNode messages = e.get("messages");
            assertThat(messages.size()).isBetween(2, 6).matches(n -> n % 2 == 0, "whole exchanges");
            for (int i = 0; i < messages.size(); i++) {
                assertThat(messages.get(i).get("role").asText()).isEqualTo(i % 2 == 0 ? "user" : "assistant");
                assertThat(messages.get(i).get("content").asText()).isNotBlank().doesNotContain("**", "<think>",
                        "[End]", "Let me know", "[|", "Sure!", "[User]", "[Assistant]");
            }
            assertThat(e.get("instruction").asText()).isEqualTo(messages.get(0).get("content").asText());
            assertThat(e.get("output").asText()).isEqualTo(messages.get(1).get("content").asText());
            JsonNode prov = e.get("provenance");
            assertThat(prov.get("conversation").get("user_turns").asInt()).isEqualTo(messages.size() / 2);
            assertThat(STOPS).contains(prov.get("conversation").get("stop_reason").asText());
            assertThat(prov.get("parents").get(0).asText()).startsWith("topics-");
            assertThat(prov.get("teacher").get("api").asText()).isEqualTo(api.wireName());
            assertThat(prov.get("prompts").get("self-chat").asText()).startsWith("selfchat/transcript.txt@");
            assertThat(e.get("license").get("sources").toString()).contains("seed").contains("teacher");
        }
        JsonNode stats = JSON.readTree(run.resolve("stats.json").toFile());
        assertThat(stats.get("accepted").asLong()).isEqualTo(30);
        assertThat(stats.get("conversations").get("kept").asLong()).isEqualTo(30);
        assertThat(stats.get("rejected").get("no_exchange").asLong()).as("role-confused openings").isPositive();
        assertThat(Files.readString(run.resolve("DATASET_CARD.md"))).contains("**Self-chat** (Baize")
                .contains("xu2023baize").contains("user turns on average");
        assertThat(JSON.readTree(run.resolve("manifest.json").toFile()).get("command").asText())
                .isEqualTo("self-chat");
    }

    @Test
    void statsValidateAndExportHandleEveryTurnOfTheConversations() throws IOException {
        Path run = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfChatTeacher(3), Duration.ZERO, 8)
                .serving("fake")) {
            assertThat(cli(selfChat(teacher, TeacherApi.OPENAI, run, "--seeds", "seeds/seed_tasks.jsonl",
                    "--target", "12").toArray(String[]::new))).as(err.toString()).isZero();
        }
        List<JsonNode> examples = lines(run.resolve("examples.jsonl"));
        long userTurns = examples.stream().mapToLong(e -> e.get("messages").size() / 2).sum();

        assertThat(cli("stats", run.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("turns       12 conversations, ").contains("user turns on average")
                .contains("user turns per conversation: ");
        assertThat(cli("stats", run.toString(), "--json")).isZero();
        assertThat(JSON.readTree(out.toString()).get("conversations").get("conversations").asLong()).isEqualTo(12);
        assertThat(cli("validate", run.toString())).as(out.toString()).isZero();
        assertThat(out.toString()).contains("12 records").contains("no problems");

        Path chat = dir.resolve("chat.jsonl");
        assertThat(cli("export", "--run", run.toString(), "--format", "sharegpt", "--to", chat.toString()))
                .as(err.toString()).isZero();
        List<JsonNode> shared = lines(chat);
        assertThat(shared).hasSize(12);
        for (int i = 0; i < 12; i++) {
            JsonNode turns = shared.get(i).get("conversations");
            assertThat(turns).hasSize(examples.get(i).get("messages").size());
            assertThat(turns.get(turns.size() - 1).get("from").asText()).isEqualTo("gpt");
        }
        Path openai = dir.resolve("openai.jsonl");
        assertThat(cli("export", "--run", run.toString(), "--format", "openai-chat", "--to", openai.toString()))
                .isZero();
        assertThat(lines(openai).get(0).get("messages")).isEqualTo(examples.get(0).get("messages"));

        Path alpaca = dir.resolve("alpaca.json");
        assertThat(cli("export", "--run", run.toString(), "--format", "alpaca", "--to", alpaca.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("is a conversation of").contains("--flatten").doesNotContain("Exception");
        assertThat(alpaca).doesNotExist();
        assertThat(cli("export", "--run", run.toString(), "--format", "alpaca", "--flatten", "--to",
                alpaca.toString())).as(err.toString()).isZero();
        JsonNode flat = JSON.readTree(alpaca.toFile());
        assertThat(flat).hasSize((int) userTurns);
        assertThat(flat.get(0).get("instruction").asText()).isEqualTo(examples.get(0).get("instruction").asText());
        assertThat(flat.get(0).get("input").asText()).isEmpty();
        assertThat(cli("export", "--run", run.toString(), "--format", "sharegpt", "--flatten", "--to",
                dir.resolve("x.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--flatten applies to --format alpaca only");
    }

    @Test
    void aDryRunEstimatesOneRequestPerConversationWithoutSendingAny() throws IOException {
        int exit = cli("self-chat", "--topics", topics().toString(), "--model", "fake", "--target", "400",
                "--out", dir.resolve("dry").toString(), "--dry-run");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("dry run: self-chat to 400 conversations of up to 3 user turns")
                .contains("requests          ~500");
        assertThat(dir.resolve("dry").resolve("examples.jsonl")).doesNotExist();
    }

    @Test
    void theConfigFileSetsTheCommandsOptionsAndItsSamplingStage() throws IOException {
        Path config = dir.resolve("instructgen.yaml");
        Files.writeString(config, """
                self-chat:
                  turns: 5
                  min-turns: 2
                sampling:
                  self-chat:
                    max-tokens: 4000
                """);

        int exit = cli("self-chat", "--config", config.toString(), "--topics", topics().toString(), "--model", "fake",
                "--target", "10", "--out", dir.resolve("dry").toString(), "--dry-run");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("conversations of up to 5 user turns");
        out.getBuffer().setLength(0);
        Files.writeString(config, "self-chat:\n  turns: 5\n  min-turns: 9\n");
        assertThat(cli("self-chat", "--config", config.toString(), "--topics", topics().toString(), "--model",
                "fake", "--target", "10", "--out", dir.resolve("dry").toString(), "--dry-run")).isEqualTo(2);
        assertThat(err.toString()).contains("--min-turns must be within 1..--turns (5), was 9");
    }

    @Test
    void helpShowsTheDefaultsAndAnExample() {
        assertThat(cli("self-chat", "--help")).isZero();
        assertThat(out.toString()).contains("--turns=N").contains("Default: 3").contains("Default: 1")
                .contains("Default: 0.7").contains("Example:").contains("instructgen self-chat --topics");
    }

    @Test
    void seedsAndTopicsTogetherAreAUsageErrorThatSaysWhy() throws IOException {
        int exit = cli("self-chat", "--seeds", "seeds/seed_tasks.jsonl", "--topics", topics().toString(),
                "--model", "fake", "--target", "3", "--out", dir.resolve("both").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("give either --seeds FILE").contains("not both")
                .doesNotContain("Exception");
    }

    @Test
    void aBadTopicsLineExitsTwoNamingTheFileAndTheLine() throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "How do tides work?\n\n{\"instruction\": \"Name a river.\"}\n");

        int exit = cli("self-chat", "--topics", file.toString(), "--model", "fake", "--target", "3",
                "--out", dir.resolve("bad").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains(file + ":3: a JSON record, not a topic").doesNotContain("Exception");
    }
}
