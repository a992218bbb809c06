package dev.instructgen.method.alpaca;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.instructgen.cli.InstructgenCommand;
import dev.instructgen.teacher.TeacherApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * alpaca and unnatural against WireMock stubs of both wire formats: a cut-off batch loses only its last triple,
 * the filters name each rejection, and unnatural's three requests each reach the teacher with their own prompt.
 */
class WireFormatsWithWireMockTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String BATCH = """
            Sure! Here are the tasks:

            ### Task 1
            **Instruction:** Suggest a title for the blog post.
            **Input:** A post about baking sourdough bread at home in winter.
            **Output:** Winter Loaves: My Sourdough Journey

            ### Task 2
            **Instruction:** Draw a map of your neighbourhood.
            **Input:** <noinput>
            **Output:** Here it is.

            ### Task 3
            **Instruction:** Name the largest planet of the solar system.
            **Input:** <noinput>
            **Output:** Jupiter.

            ### Task 4
            **Instruction:** Explain why the""";

    @TempDir
    Path dir;

    WireMockServer server;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    static String reply(TeacherApi api, String content, boolean cutOff) {
        ObjectNode body = JSON.createObjectNode();
        if (api == TeacherApi.OPENAI) {
            body.put("id", "c").put("object", "chat.completion").put("created", 1).put("model", "m");
            ObjectNode choice = body.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", cutOff ? "length" : "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            body.putObject("usage").put("prompt_tokens", 300).put("completion_tokens", 90).put("total_tokens", 390);
        } else {
            body.put("model", "m").put("created_at", "2026-11-21T22:00:00Z");
            body.putObject("message").put("role", "assistant").put("content", content);
            body.put("done", true).put("done_reason", cutOff ? "length" : "stop");
            body.put("prompt_eval_count", 300).put("eval_count", 90);
        }
        return body.toString();
    }

    void stub(TeacherApi api, String phrase, String content, boolean cutOff) {
        server.stubFor(post(urlPathEqualTo(api == TeacherApi.OPENAI ? "/v1/chat/completions" : "/api/chat"))
                .withRequestBody(containing(phrase))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(reply(api, content, cutOff))));
    }

    int run(TeacherApi api, String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--seeds", "seeds/seed_tasks.jsonl",
                "--teacher-api", api.wireName(),
                "--teacher-url", api == TeacherApi.OPENAI ? server.baseUrl() + "/v1" : server.baseUrl(),
                "--model", "m", "--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY", "--concurrency", "1",
                "--out", dir.resolve(command).toString()));
        args.addAll(List.of(extra));
        return InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
    }

    static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @ParameterizedTest
    @EnumSource(TeacherApi.class)
    void aCutOffBatchLosesOnlyItsLastTripleAndEachRejectionIsNamed(TeacherApi api) throws Exception {
        stub(api, "Now write Task 1 to Task", BATCH, true);

        assertThat(run(api, "alpaca", "--target", "2")).as(err.toString()).isZero();

        List<JsonNode> examples = lines(dir.resolve("alpaca").resolve("examples.jsonl"));
        assertThat(examples).extracting(e -> e.get("instruction").asText()).containsExactlyInAnyOrder(
                "Suggest a title for the blog post.", "Name the largest planet of the solar system.");
        assertThat(examples).allSatisfy(e -> assertThat(e.get("provenance").get("usage").get("prompt_tokens")
                .asLong()).as("a third of the request's 300 prompt tokens").isEqualTo(100));
        assertThat(lines(dir.resolve("alpaca").resolve("rejected.jsonl")))
                .extracting(r -> r.get("reason").asText())
                .containsExactlyInAnyOrder("cut_off", "blacklisted_keyword");
    }

    @ParameterizedTest
    @EnumSource(TeacherApi.class)
    void unnaturalSendsItsThreeRequestsAndDropsTheConstraints(TeacherApi api) throws Exception {
        stub(api, "Write one more task of the same kind", """
                Example 4
                **Instruction:** Tell whether the sentence is written in a formal or an informal register.
                **Input:** Hey, you coming to the thing tonight?
                **Constraints:** The answer is "formal" or "informal".""", false);
        stub(api, "Answer:", "informal", false);
        stub(api, "Reword the instruction below", """
                1. Is the register of this sentence formal or informal?
                2. Classify the sentence as formal or informal in tone.""", false);

        assertThat(run(api, "unnatural", "--target", "3", "--paraphrases", "2")).as(err.toString()).isZero();

        List<JsonNode> examples = lines(dir.resolve("unnatural").resolve("examples.jsonl"));
        assertThat(examples).extracting(e -> e.get("instruction").asText()).containsExactly(
                "Tell whether the sentence is written in a formal or an informal register.",
                "Is the register of this sentence formal or informal?",
                "Classify the sentence as formal or informal in tone.");
        assertThat(examples).allSatisfy(e -> {
            assertThat(e.get("output").asText()).isEqualTo("informal");
            assertThat(e.get("input").asText()).isEqualTo("Hey, you coming to the thing tonight?");
            assertThat(e.get("task_id").asText()).isEqualTo(examples.get(0).get("id").asText());
        });
        assertThat(examples.get(1).get("provenance").get("parents").get(0).asText())
                .isEqualTo(examples.get(0).get("id").asText());
    }
}
