package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.instructgen.teacher.TeacherApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * self-instruct through the CLI entry point against a stubbed teacher, for both wire formats. The teacher's
 * first list mixes two good instructions with a near-duplicate, a copy of a seed, a blacklisted, a too-short and
 * a "Write a program" item, and ends with an item cut off by the length limit; later lists are empty.
 */
class SelfInstructEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String GOOD = "Describe the main causes of the French Revolution in three sentences.";
    static final String GOOD_CLASSIFICATION = "Classify the following animal as a mammal, bird, or reptile.";
    static final String NEAR_DUPLICATE = "Describe the main causes of the French Revolution in 3 sentences.";
    static final String COPY_OF_SEED = "Give three tips for staying healthy";
    static final String BLACKLISTED = "Draw a picture of a cat sitting on a windowsill.";
    static final String TOO_SHORT = "Say hi.";
    static final String PROGRAM = "Write a program that sorts a list of numbers in ascending order.";
    static final String CUT_OFF = "Suggest a catchy slogan for a";

    static final String LIST = """
            9. %s
            10) %s
            Task 11: %s
            12. %s
            **13.** %s
            14. %s
            15. %s
            16. %s""".formatted(GOOD, GOOD_CLASSIFICATION, NEAR_DUPLICATE, COPY_OF_SEED, BLACKLISTED, TOO_SHORT,
            PROGRAM, CUT_OFF);

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

    Path seeds() throws IOException {
        List<String> lines = new ArrayList<>();
        String[][] tasks = {
                {"Give three tips for staying healthy.", "", "Eat vegetables, sleep well, and walk daily.", "false"},
                {"Translate the sentence into German.", "Good morning", "Guten Morgen", "false"},
                {"Is the number even or odd?", "7", "odd", "true"},
                {"Summarize the paragraph in one sentence.", "Bees pollinate most crops.", "Bees matter.", "false"},
                {"Suggest a name for a pet goldfish.", "", "Bubbles", "false"},
                {"Tell whether the review is positive or negative.", "Loved it!", "positive", "true"},
                {"Explain why the sky looks blue during the day.", "", "Air scatters blue light most.", "false"},
                {"List four countries in South America.", "", "Peru, Chile, Brazil, Uruguay", "false"}};
        for (int i = 0; i < tasks.length; i++) {
            ObjectNode task = JSON.createObjectNode();
            task.put("id", "seed_task_" + i).put("name", "t" + i).put("instruction", tasks[i][0]);
            task.putArray("instances").addObject().put("input", tasks[i][1]).put("output", tasks[i][2]);
            task.put("is_classification", Boolean.parseBoolean(tasks[i][3]));
            lines.add(JSON.writeValueAsString(task));
        }
        Path file = dir.resolve("seeds.jsonl");
        Files.write(file, lines);
        return file;
    }

    // ---- wire formats

    static String path(TeacherApi api) {
        return api == TeacherApi.OPENAI ? "/v1/chat/completions" : "/api/chat";
    }

    String baseUrl(TeacherApi api) {
        return api == TeacherApi.OPENAI ? server.baseUrl() + "/v1" : server.baseUrl();
    }

    static String reply(TeacherApi api, String content, boolean cutOff) {
        ObjectNode body = JSON.createObjectNode();
        if (api == TeacherApi.OPENAI) {
            body.put("id", "c").put("object", "chat.completion").put("created", 1).put("model", "test-model");
            ObjectNode choice = body.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", cutOff ? "length" : "stop");
            choice.putObject("message").put("role", "assistant").put("content", content);
            body.putObject("usage").put("prompt_tokens", 50).put("completion_tokens", 10).put("total_tokens", 60);
        } else {
            body.put("model", "test-model").put("created_at", "2026-11-21T22:00:00Z");
            body.putObject("message").put("role", "assistant").put("content", content);
            body.put("done", true).put("done_reason", cutOff ? "length" : "stop");
            body.put("prompt_eval_count", 50).put("eval_count", 10);
        }
        return body.toString();
    }

    void stub(TeacherApi api, MappingBuilder mapping, String content, boolean cutOff) {
        server.stubFor(mapping.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(reply(api, content, cutOff))));
    }

    MappingBuilder request(TeacherApi api, String... phrases) {
        MappingBuilder m = post(urlPathEqualTo(path(api)));
        for (String p : phrases) {
            m = m.withRequestBody(containing(p));
        }
        return m;
    }

    void stubTeacher(TeacherApi api) {
        // the first list once, then lists without any new item
        stub(api, request(api, "Continue the numbered list").inScenario("lists")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("listed"), LIST, true);
        stub(api, request(api, "Continue the numbered list").inScenario("lists")
                .whenScenarioStateIs("listed"), "9.", false);
        stub(api, request(api, "Decide whether each task is a classification task", "Task: " + GOOD), "No", false);
        stub(api, request(api, "Decide whether each task is a classification task", "Task: " + GOOD_CLASSIFICATION),
                "Yes.", false);
        stub(api, request(api, "Write examples for a task", "Task: " + GOOD),
                "Example 1\nInput:\nOutput: Debt, hunger and anger at privilege drove the French to revolt in 1789.",
                false);
        stub(api, request(api, "first name a possible class label", "Task: " + GOOD_CLASSIFICATION),
                "Class label: Mammal\nInput: dolphin", false);
    }

    int run(TeacherApi api, Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("self-instruct", "--seeds", seeds().toString(),
                "--seeds-license", "CC0-1.0", "--out", out.toString(), "--teacher-url", baseUrl(api),
                "--teacher-api", api.wireName(), "--model", "test-model", "--concurrency", "4",
                "--random-seed", "3", "--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY"));
        args.addAll(List.of(extra));
        return InstructgenCommand.commandLine(new PrintWriter(this.out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
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
    void acceptsExactlyTheNovelInstructionsAndRecordsEveryRejectionReason(TeacherApi api) throws IOException {
        stubTeacher(api);
        Path out = dir.resolve("run");

        int exit = run(api, out, "--target", "2");

        assertThat(exit).as(err.toString()).isZero();
        List<JsonNode> examples = lines(out.resolve("examples.jsonl"));
        assertThat(examples).extracting(e -> e.get("instruction").asText(), e -> e.get("input").asText(),
                        e -> e.get("output").asText(), e -> e.get("is_classification").asBoolean())
                .containsExactlyInAnyOrder(
                        tuple(GOOD, "", "Debt, hunger and anger at privilege drove the French to revolt in 1789.",
                                false),
                        tuple(GOOD_CLASSIFICATION, "dolphin", "Mammal", true));
        for (JsonNode e : examples) {
            JsonNode prov = e.get("provenance");
            assertThat(e.get("method").asText()).isEqualTo("self-instruct");
            assertThat(prov.get("teacher").get("api").asText()).isEqualTo(api.wireName());
            assertThat(prov.get("prompts").fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("instruction-generation", "classification", "instance-generation");
            assertThat(prov.get("parents")).hasSize(8);
            assertThat(prov.get("parents").toString()).contains("seed_task_");
            assertThat(prov.get("novelty").get("rouge_l_max").asDouble()).isBetween(0.0, 0.7);
            assertThat(e.get("license").get("sources").toString()).contains("CC0-1.0").contains("\"teacher\"");
            assertThat(e.get("license").get("commercial_use").isNull()).isTrue();
        }
        assertThat(examples.get(0).get("provenance").get("run_id").asText())
                .isEqualTo(examples.get(1).get("provenance").get("run_id").asText());

        List<JsonNode> rejected = lines(out.resolve("rejected.jsonl"));
        assertThat(rejected).extracting(r -> r.get("reason").asText(), r -> r.get("instruction").asText())
                .containsExactlyInAnyOrder(
                        tuple("too_similar", NEAR_DUPLICATE),
                        tuple("too_similar", COPY_OF_SEED),
                        tuple("blacklisted_keyword", BLACKLISTED),
                        tuple("too_short", TOO_SHORT),
                        tuple("starts_with_write_a_program", PROGRAM),
                        tuple("cut_off", CUT_OFF));
        JsonNode seedCopy = rejected.stream().filter(r -> r.get("instruction").asText().equals(COPY_OF_SEED))
                .findFirst().orElseThrow();
        assertThat(seedCopy.get("detail").asText()).contains("seed_task_0")
                .contains("Give three tips for staying healthy.");

        JsonNode stats = JSON.readTree(out.resolve("stats.json").toFile());
        assertThat(stats.get("status").asText()).isEqualTo("completed");
        assertThat(stats.get("accepted").asLong()).isEqualTo(2);
        assertThat(stats.get("proposed").asLong()).isEqualTo(8);
        assertThat(stats.get("rejected").get("too_similar").asLong()).isEqualTo(2);
        assertThat(stats.get("requests").get("by_stage").get("classification").asLong()).isEqualTo(2);
        assertThat(Files.readString(out.resolve("manifest.json"))).contains("\"self-instruct\"")
                .contains("test-model").doesNotContain("INSTRUCTGEN_TEST_NO_SUCH_KEY=");
        assertThat(out.resolve("DATASET_CARD.md")).exists();
        assertThat(err.toString()).contains("warning: the terms of teacher 'test-model' are unknown");
        assertThat(this.out.toString()).contains("done: 2 examples");
    }

    @ParameterizedTest
    @EnumSource(TeacherApi.class)
    void aWrongModelNameEndsTheRunWithOneRequestAndOneLine(TeacherApi api) throws IOException {
        String body = api == TeacherApi.OPENAI
                ? "{\"error\":{\"message\":\"The model `nope` does not exist\",\"type\":\"invalid_request_error\","
                + "\"code\":\"model_not_found\"}}"
                : "{\"error\":\"model 'nope' not found\"}";
        server.stubFor(post(urlPathEqualTo(path(api))).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(body)));

        int exit = run(api, dir.resolve("run"), "--target", "5");

        assertThat(exit).isEqualTo(1);
        server.verify(1, postRequestedFor(urlPathEqualTo(path(api))));
        List<String> errorLines = err.toString().lines().filter(l -> l.startsWith("error:")).toList();
        assertThat(errorLines).hasSize(1);
        assertThat(errorLines.get(0)).contains("404");
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void aBadKeyEndsTheRunWithOneRequestAndOneLineWithoutTheKey() throws IOException {
        server.stubFor(post(urlPathEqualTo(path(TeacherApi.OPENAI))).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\","
                        + "\"code\":\"invalid_api_key\"}}")));

        int exit = run(TeacherApi.OPENAI, dir.resolve("run"), "--target", "5");

        assertThat(exit).isEqualTo(1);
        server.verify(1, postRequestedFor(urlPathEqualTo(path(TeacherApi.OPENAI))));
        List<String> errorLines = err.toString().lines().filter(l -> l.startsWith("error:")).toList();
        assertThat(errorLines).hasSize(1);
        assertThat(errorLines.get(0)).contains("401");
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    void aTokenBudgetStopsTheRunResumablyAndAHigherBudgetFinishesIt() throws IOException {
        stubTeacher(TeacherApi.OPENAI);
        Path out = dir.resolve("run");

        // every reply costs 60 tokens: the list, then one classification reach the budget of 100
        int exit = run(TeacherApi.OPENAI, out, "--target", "2", "--max-tokens", "100");

        assertThat(exit).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("stopped: token budget of 100 reached")
                .contains("rerun with a higher --max-tokens to continue");
        JsonNode stats = JSON.readTree(out.resolve("stats.json").toFile());
        assertThat(stats.get("status").asText()).isEqualTo("stopped");
        assertThat(stats.get("stop_reason").asText()).isEqualTo("budget_tokens");
        assertThat(stats.get("tokens").get("prompt").asLong() + stats.get("tokens").get("completion").asLong())
                .isGreaterThanOrEqualTo(100);
        server.resetScenarios();

        int resumed = run(TeacherApi.OPENAI, out, "--target", "2", "--max-tokens", "100000");

        assertThat(resumed).as(err.toString()).isZero();
        assertThat(lines(out.resolve("examples.jsonl"))).extracting(e -> e.get("instruction").asText())
                .containsExactlyInAnyOrder(GOOD, GOOD_CLASSIFICATION);
    }

    @Test
    void theConfigFileExtendsTheBlacklistAndSetsTheSamplingOfAStage() throws IOException {
        stubTeacher(TeacherApi.OPENAI);
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, """
                sampling:
                  instruction-generation: {temperature: 1.2, max-tokens: 777}
                filters:
                  extra-blacklist: [revolution]
                """);
        Path out = dir.resolve("run");

        int exit = run(TeacherApi.OPENAI, out, "--target", "1", "--config", config.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(lines(out.resolve("examples.jsonl"))).extracting(e -> e.get("instruction").asText())
                .containsExactly(GOOD_CLASSIFICATION);
        assertThat(lines(out.resolve("rejected.jsonl"))).extracting(r -> r.get("reason").asText(),
                r -> r.get("instruction").asText()).contains(tuple("blacklisted_keyword", GOOD));
        var generation = server.findAll(postRequestedFor(urlPathEqualTo(path(TeacherApi.OPENAI)))
                .withRequestBody(containing("Continue the numbered list")));
        JsonNode body = JSON.readTree(generation.get(0).getBodyAsString());
        assertThat(body.get("temperature").asDouble()).isEqualTo(1.2);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(777);
    }

    @Test
    void aBrokenPromptOverrideIsRefusedBeforeAnyRequest() throws IOException {
        Path prompts = dir.resolve("prompts");
        Files.createDirectories(prompts.resolve("self-instruct"));
        Files.writeString(prompts.resolve("self-instruct/classification.txt"), "Is ${instrution} a classification?");

        int exit = run(TeacherApi.OPENAI, dir.resolve("run"), "--target", "5", "--prompts", prompts.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("classification.txt").contains("instrution");
        server.verify(0, postRequestedFor(urlPathEqualTo(path(TeacherApi.OPENAI))));
    }

    @Test
    void aDryRunPrintsTheEstimateAndSendsNothing() throws IOException {
        int exit = run(TeacherApi.OPENAI, dir.resolve("run"), "--target", "100", "--dry-run");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("dry run: self-instruct to 100 examples with test-model")
                .contains("requests").contains("tokens").contains("estimated cost");
        server.verify(0, postRequestedFor(urlPathEqualTo(path(TeacherApi.OPENAI))));
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void requireCommercialRefusesBeforeAnyRequestWhenTheTeacherTermsAreUnknown() throws IOException {
        int exit = run(TeacherApi.OPENAI, dir.resolve("run"), "--target", "5", "--require-commercial");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--require-commercial").contains("test-model");
        server.verify(0, postRequestedFor(urlPathEqualTo(path(TeacherApi.OPENAI))));
    }

    @Test
    void aResumedRunContinuesToTheNewTargetWithoutRepeats() throws IOException {
        stubTeacher(TeacherApi.OPENAI);
        Path out = dir.resolve("run");
        assertThat(run(TeacherApi.OPENAI, out, "--target", "1")).as(err.toString()).isZero();
        assertThat(lines(out.resolve("examples.jsonl"))).hasSize(1);
        server.resetScenarios(); // the teacher offers the same list again: the accepted one is now a repeat

        int exit = run(TeacherApi.OPENAI, out, "--target", "2");

        assertThat(exit).as(err.toString()).isZero();
        List<JsonNode> examples = lines(out.resolve("examples.jsonl"));
        assertThat(examples).extracting(e -> e.get("instruction").asText())
                .containsExactlyInAnyOrder(GOOD, GOOD_CLASSIFICATION);
        assertThat(examples).extracting(e -> e.get("id").asText()).doesNotHaveDuplicates();
        assertThat(err.toString()).contains("resuming run");
        assertThat(lines(out.resolve("rejected.jsonl"))).extracting(r -> r.get("reason").asText())
                .contains("too_similar");
    }
}
