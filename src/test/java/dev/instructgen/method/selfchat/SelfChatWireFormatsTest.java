package dev.instructgen.method.selfchat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.instructgen.cli.InstructgenCommand;
import dev.instructgen.testing.WireMockTeacher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact replies of WireMock stubs in both wire formats: a chatty transcript (reasoning, preamble, bold tags,
 * closing offer) keeps its turns verbatim, a longer one stops at --turns, a cut-off one loses its unfinished
 * exchange, and a role-confused one is rejected as no_exchange with its stop reason in the detail.
 */
class SelfChatWireFormatsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void eachTranscriptIsCutWhereItShouldBeAndTheBrokenOneIsRejected(boolean ollama) throws Exception {
        WireMockTeacher teacher = new WireMockTeacher(server, ollama)
                .on("How do tides work?", """
                        <think>Okay, two exchanges about tides.</think>
                        Here's the transcript:

                        **User:** How do tides work?
                        **Assistant:** The Moon pulls the oceans into two bulges.
                        **User:** Why two?
                        **Assistant:** One faces the Moon, one lies opposite it.

                        [End]

                        Let me know if you'd like me to extend the chat!""")
                .on("Why is the sky blue?", """
                        User: Why is the sky blue?
                        AI: Air scatters blue light more than red.
                        User: And sunsets?
                        AI: Their light crosses more air, so the blue is scattered away.
                        User: Thanks!
                        AI: You're welcome.""")
                .cutOffOn("What makes sourdough rise?", """
                        [User] What makes sourdough rise?
                        [Assistant] Wild yeast in the starter makes gas.
                        [User] How long does it take?
                        [Assistant] Usually four to""")
                .on("Tell me about kites", "[Assistant] Hello! I am an AI.\n[Assistant] What do you want to know?");
        Path topics = dir.resolve("topics.txt");
        Files.writeString(topics, "How do tides work?\nWhy is the sky blue?\nWhat makes sourdough rise?\n"
                + "Tell me about kites\n");
        Path run = dir.resolve("run");
        StringWriter err = new StringWriter();

        int exit = InstructgenCommand.commandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err,
                true)).execute("self-chat", "--topics", topics.toString(), "--turns", "2", "--target", "3",
                "--teacher-api", teacher.api(), "--teacher-url", teacher.url(), "--model", "wire-test",
                "--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY", "--concurrency", "1", "--out", run.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(teacher.requests()).isEqualTo(4);
        Map<String, JsonNode> byTopic = new java.util.HashMap<>();
        for (String line : Files.readAllLines(run.resolve("examples.jsonl"))) {
            JsonNode e = JSON.readTree(line);
            byTopic.put(e.get("provenance").get("parents").get(0).asText(), e);
        }
        assertThat(contents(byTopic.get("topics-1"))).containsExactly("How do tides work?",
                "The Moon pulls the oceans into two bulges.", "Why two?", "One faces the Moon, one lies opposite it.");
        assertThat(stop(byTopic.get("topics-1"))).isEqualTo("model_ended");
        assertThat(contents(byTopic.get("topics-2"))).hasSize(4).endsWith(
                "Their light crosses more air, so the blue is scattered away.");
        assertThat(stop(byTopic.get("topics-2"))).isEqualTo("turns_reached");
        assertThat(contents(byTopic.get("topics-3"))).containsExactly("What makes sourdough rise?",
                "Wild yeast in the starter makes gas.");
        assertThat(stop(byTopic.get("topics-3"))).isEqualTo("cut_off");
        List<String> rejected = Files.readAllLines(run.resolve("rejected.jsonl"));
        assertThat(rejected).hasSize(1);
        JsonNode r = JSON.readTree(rejected.get(0));
        assertThat(r.get("reason").asText()).isEqualTo("no_exchange");
        assertThat(r.get("stage").asText()).isEqualTo("self-chat");
        assertThat(r.get("detail").asText()).startsWith("role_confused: turn 1 (Assistant) opens the chat");
        assertThat(r.get("parents").get(0).asText()).isEqualTo("topics-4");
    }

    private static List<String> contents(JsonNode example) {
        List<String> out = new ArrayList<>();
        example.get("messages").forEach(m -> out.add(m.get("content").asText()));
        return out;
    }

    private static String stop(JsonNode example) {
        return example.get("provenance").get("conversation").get("stop_reason").asText();
    }
}
