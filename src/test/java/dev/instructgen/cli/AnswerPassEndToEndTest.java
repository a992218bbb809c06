package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeAnswerModel;
import dev.instructgen.testing.FakeJudge;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static dev.instructgen.cli.JudgeEndToEndTest.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code --answer-pass} through the CLI against two loopback fakes, the teacher and the answer model on servers
 * of their own, in both wire formats: answers replace the outputs (their chatter removed), classification keeps
 * its labels unless {@code all}, provenance and the license name both models, each model's tokens are priced by
 * its own price, and stats.json, {@code stats} and the dataset card show the pass.
 */
class AnswerPassEndToEndTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Test
    void anAnswerModelOnAnotherServerWritesTheOutputsAndBothTeachersAreRecorded() throws Exception {
        Path run = dir.resolve("run");
        Path config = dir.resolve("prices.yaml");
        Files.writeString(config, """
                prices:
                  teacher-model: {input: 1.0, output: 2.0}
                  answer-model: {input: 10.0, output: 20.0}
                """);
        FakeAnswerModel answers = new FakeAnswerModel();
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(7, 6),
                Duration.ZERO, 4);
             FakeTeacherServer answerServer = FakeTeacherServer.start(answers, Duration.ZERO, 4)
                     .serving("answer-model")) {
            int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--out", run.toString(),
                    "--teacher-url", teacher.openAiUrl(), "--model", "teacher-model", "--target", "30",
                    "--config", config.toString(), "--answer-pass", "--answer-url", answerServer.ollamaUrl(),
                    "--answer-api", "ollama", "--answer-model", "answer-model");
            assertThat(exit).as(err.toString()).isZero();
            assertThat(teacher.requestBodies()).noneSatisfy(b -> assertThat(b).contains("answer-model"));
        }
        List<JsonNode> examples = lines(run.resolve("examples.jsonl"));
        assertThat(examples).hasSize(30);
        List<JsonNode> answered = examples.stream().filter(e -> !e.path("is_classification").asBoolean()).toList();
        List<JsonNode> labelled = examples.stream().filter(e -> e.path("is_classification").asBoolean()).toList();
        assertThat(answered).isNotEmpty();
        assertThat(labelled).as("the fake classifies one task in five").isNotEmpty();
        for (JsonNode e : answered) {
            String prompt = e.path("instruction").asText() + "\n\n" + e.path("input").asText();
            assertThat(e.path("output").asText()).as("chatter stripped").isEqualTo(FakeAnswerModel.answerTo(prompt));
            JsonNode p = e.path("provenance");
            assertThat(p.path("teacher").path("model").asText()).isEqualTo("teacher-model");
            assertThat(p.path("answer").path("teacher").path("model").asText()).isEqualTo("answer-model");
            assertThat(p.path("answer").path("teacher").path("api").asText()).isEqualTo("ollama");
            assertThat(p.path("prompts").path("answer").asText()).startsWith("self-instruct/answer.txt@");
            assertThat(teachersIn(e.path("license"))).containsExactlyInAnyOrder("answer-model", "teacher-model");
        }
        for (JsonNode e : labelled) {
            assertThat(e.path("output").asText()).doesNotContain(FakeAnswerModel.MARK);
            assertThat(e.path("provenance").has("answer")).isFalse();
            assertThat(teachersIn(e.path("license"))).containsExactly("teacher-model");
        }

        JsonNode stats = JsonCodec.mapper().readTree(run.resolve("stats.json").toFile());
        assertThat(stats.path("requests").path("by_stage").path("answer").asLong())
                .as("the answer model's requests count like any stage's").isEqualTo(answers.requests());
        JsonNode section = stats.path("answer");
        assertThat(section.path("model").asText()).isEqualTo("answer-model");
        assertThat(section.path("answered").asLong()).isEqualTo(answered.size());
        assertThat(section.path("labels_kept").asLong()).isEqualTo(labelled.size());
        assertThat(section.path("rejected").asLong()).isZero();
        assertPricedPerModel(run, stats);

        String card = Files.readString(run.resolve("DATASET_CARD.md"));
        assertThat(card).contains("| answer pass | non-classification instances (classification keeps its label), "
                + "answered by answer-model @ ").contains("**Answer pass**: the output of every non-classification "
                + "instance (classification instances keep their label) was then written again by asking "
                + "`answer-model` (ollama)");
        JsonNode manifest = JsonCodec.mapper().readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.path("settings").path("answer").path("model").asText()).isEqualTo("answer-model");
        assertThat(manifest.path("settings").path("answer").path("scope").asText()).isEqualTo("on");

        out.getBuffer().setLength(0);
        assertThat(run("stats", run.toString())).isZero();
        assertThat(out.toString()).contains("answer " + answers.requests())
                .contains("answer pass " + answered.size() + " answered by answer-model (on), 0 rejected, "
                        + labelled.size() + " classification labels kept");
    }

    @Test
    void answerPassAllAnswersClassificationInstancesTooWithTheTeacherItselfOverOllama() throws Exception {
        Path run = dir.resolve("all");
        SyntheticSelfInstructTeacher generator = new SyntheticSelfInstructTeacher(3, 6);
        FakeAnswerModel answers = new FakeAnswerModel();
        try (FakeTeacherServer teacher = FakeTeacherServer.start(
                prompt -> isGenerationPrompt(prompt) ? generator.apply(prompt) : answers.apply(prompt),
                Duration.ZERO, 4).serving("one-model")) {
            int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--out", run.toString(),
                    "--teacher-url", teacher.ollamaUrl(), "--teacher-api", "ollama", "--model", "one-model",
                    "--target", "20", "--answer-pass=all");
            assertThat(exit).as(err.toString()).isZero();
        }
        List<JsonNode> examples = lines(run.resolve("examples.jsonl"));
        assertThat(examples).hasSize(20).allSatisfy(e -> {
            assertThat(e.path("output").asText()).startsWith(FakeAnswerModel.MARK);
            assertThat(e.path("provenance").path("answer").path("teacher").path("model").asText())
                    .isEqualTo("one-model");
            assertThat(teachersIn(e.path("license"))).containsExactly("one-model");
        });
        assertThat(examples).anySatisfy(e -> assertThat(e.path("is_classification").asBoolean()).isTrue());
        JsonNode stats = JsonCodec.mapper().readTree(run.resolve("stats.json").toFile());
        assertThat(stats.path("answer").path("answered").asLong()).isEqualTo(20);
        assertThat(stats.path("answer").path("labels_kept").asLong()).isZero();
    }

    @Test
    void withAJudgeTooTheJudgeScoresTheAnswerAndTheExampleRecordsBoth() throws Exception {
        Path run = dir.resolve("judged");
        SyntheticSelfInstructTeacher generator = new SyntheticSelfInstructTeacher(11, 6);
        FakeJudge judge = new FakeJudge();
        FakeAnswerModel answers = new FakeAnswerModel();
        try (FakeTeacherServer teacher = FakeTeacherServer.start(prompt -> prompt.contains(FakeJudge.RUBRIC_MARK)
                        ? judge.apply(prompt) : isGenerationPrompt(prompt) ? generator.apply(prompt)
                        : answers.apply(prompt), Duration.ZERO, 4)) {
            int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--out", run.toString(),
                    "--teacher-url", teacher.openAiUrl(), "--model", "one-model", "--target", "15",
                    "--answer-pass", "--judge");
            assertThat(exit).as(err.toString()).isZero();
        }
        List<JsonNode> examples = lines(run.resolve("examples.jsonl"));
        assertThat(examples).hasSize(15).allSatisfy(e -> {
            assertThat(e.path("provenance").path("quality").path("score").asDouble()).isGreaterThanOrEqualTo(4.5);
            assertThat(e.path("provenance").has("answer")).isEqualTo(!e.path("is_classification").asBoolean());
        });
        assertThat(lines(run.resolve("rejected.jsonl")).stream()
                .filter(r -> r.path("stage").asText().equals("quality-judge")))
                .as("the judge scored answers").anySatisfy(r ->
                        assertThat(r.path("output").asText()).startsWith(FakeAnswerModel.MARK));
        JsonNode stats = JsonCodec.mapper().readTree(run.resolve("stats.json").toFile());
        assertThat(stats.path("answer").path("answered").asLong() + stats.path("answer").path("labels_kept").asLong())
                .isEqualTo(15);
        assertThat(stats.path("quality").path("kept").asLong()).isEqualTo(15);
    }

    @Test
    void anAnswerCutOffByItsTokenLimitOrWithNothingButThinkingDropsItsInstance() throws Exception {
        Path run = dir.resolve("dropped");
        Path config = dir.resolve("short-answers.yaml");
        Files.writeString(config, "sampling:\n  answer: {max-tokens: 20}\n");
        Function<String, String> answerer = prompt -> switch (Math.floorMod(prompt.hashCode(), 5)) {
            case 0 -> "<think>I do not know what to say here.</think>";
            case 1 -> FakeAnswerModel.answerTo(prompt) + " And a long explanation follows, ".repeat(6);
            default -> FakeAnswerModel.answerTo(prompt);
        };
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(5, 6),
                Duration.ZERO, 4).serving("teacher-model");
             FakeTeacherServer answerServer = FakeTeacherServer.start(answerer, Duration.ZERO, 4)
                     .honouringMaxTokens()) {
            int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--out", run.toString(),
                    "--teacher-url", teacher.ollamaUrl(), "--teacher-api", "ollama", "--model", "teacher-model",
                    // reasoning off: with auto, a short stage that shows thinking is given room to think
                    "--target", "20", "--reasoning", "off", "--config", config.toString(), "--answer-pass",
                    "--answer-api", "openai",
                    "--answer-url", answerServer.openAiUrl(), "--answer-model", "answer-model");
            assertThat(exit).as(err.toString()).isZero();
        }
        List<JsonNode> rejected = lines(run.resolve("rejected.jsonl")).stream()
                .filter(r -> r.path("stage").asText().equals("answer")).toList();
        long cut = rejected.stream().filter(r -> r.path("reason").asText().equals("answer_cut_off")).count();
        long empty = rejected.stream().filter(r -> r.path("reason").asText().equals("empty_answer")).count();
        assertThat(cut).isPositive();
        assertThat(empty).isPositive();
        assertThat(cut + empty).isEqualTo(rejected.size());
        assertThat(lines(run.resolve("examples.jsonl"))).hasSize(20).allSatisfy(e -> assertThat(
                e.path("output").asText()).doesNotContain("long explanation").doesNotContain("<think>"));
        JsonNode stats = JsonCodec.mapper().readTree(run.resolve("stats.json").toFile());
        assertThat(stats.path("rejected").path("answer_cut_off").asLong()).isEqualTo(cut);
        assertThat(stats.path("rejected").path("empty_answer").asLong()).isEqualTo(empty);
        assertThat(stats.path("answer").path("rejected").asLong()).isEqualTo(cut + empty);
        JsonNode manifest = JsonCodec.mapper().readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.path("settings").path("answer").path("sampling").path("max_tokens").asInt()).isEqualTo(20);
    }

    @Test
    void aDryRunCountsTheAnswerRequestsAndPricesThemByTheAnswerModel() throws Exception {
        Path config = dir.resolve("prices.yaml");
        Files.writeString(config, """
                prices:
                  teacher-model: {input: 1.0, output: 2.0}
                  answer-model: {input: 10.0, output: 20.0}
                """);
        int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--out", dir.resolve("dry").toString(),
                "--model", "teacher-model", "--target", "1000", "--dry-run", "--config", config.toString(),
                "--answer-pass", "--answer-model", "answer-model");
        assertThat(exit).as(err.toString()).isZero();
        // 82% of the shipped seeds are not classification tasks: 1000 * 0.82 / 0.95 answers of 200 tokens
        assertThat(out.toString()).contains("answer pass       ~864 requests to answer-model "
                + "(non-classification instances, 82% of the seed tasks)").contains("~172800 completion tokens");
        assertThat(Files.exists(dir.resolve("dry"))).isFalse();
    }

    @Test
    void badAnswerOptionsExitTwoWithAClearMessage() {
        String[] base = {"self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--out", dir.resolve("bad").toString(),
                "--model", "m", "--target", "5"};
        assertThat(run(concat(base, "--answer-pass=bogus"))).isEqualTo(2);
        assertThat(err.toString()).contains("--answer-pass").contains("'bogus' is not an answer-pass scope "
                + "(expected on, all or off)");
        err.getBuffer().setLength(0);
        assertThat(run(concat(base, "--answer-pass", "--answer-url", "example.com/v1"))).isEqualTo(2);
        assertThat(err.toString()).contains("--answer-url 'example.com/v1' has no scheme").doesNotContain("\tat ");
        err.getBuffer().setLength(0);
        assertThat(run(concat(base, "--answer-model", "other"))).isEqualTo(2);
        assertThat(err.toString()).contains("--answer-url, --answer-model and --answer-api need --answer-pass");
        assertThat(Files.exists(dir.resolve("bad"))).isFalse();
    }

    @Test
    void anAnswerModelThatIsNotThereRefusesTheRunBeforeAnyRunDirectoryExists() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(7, 6),
                Duration.ZERO, 2)) {
            int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--out", dir.resolve("x").toString(),
                    "--teacher-url", teacher.openAiUrl(), "--model", "teacher-model", "--target", "5",
                    "--answer-pass", "--answer-url", "http://127.0.0.1:" + closedPort + "/v1", "--timeout", "5s");
            assertThat(exit).isEqualTo(1);
            assertThat(teacher.requestCount()).isZero();
        }
        assertThat(err.toString()).contains("127.0.0.1:" + closedPort).doesNotContain("\tat ");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    @Test
    void aConfigFileCanSwitchTheAnswerPassOnAndABadValueThereNamesFileAndLine() throws Exception {
        Path good = dir.resolve("answer.yaml");
        Files.writeString(good, "target: 1000\nanswer-pass: all\nanswer-model: answer-model\n");
        int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--out", dir.resolve("c").toString(),
                "--model", "teacher-model", "--dry-run", "--config", good.toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("requests to answer-model (every instance, 100% of the seed tasks)");

        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "target: 10\nanswer-pass: sometimes\n");
        assertThat(run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--out", dir.resolve("d").toString(),
                "--model", "teacher-model", "--config", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml:2: 'answer-pass' expects");
    }

    /** Every succeeded answer request is priced by the answer model, every other by the teacher. */
    private static void assertPricedPerModel(Path run, JsonNode stats) throws Exception {
        double total = 0;
        int answerEvents = 0;
        for (JsonNode event : lines(run.resolve("usage.jsonl"))) {
            if (!event.path("event").asText().equals("succeeded")) {
                continue;
            }
            boolean answer = event.path("stage").asText().equals("answer");
            double in = answer ? 10.0 : 1.0;
            double outPrice = answer ? 20.0 : 2.0;
            double expected = (event.path("prompt_tokens").asLong() * in
                    + event.path("completion_tokens").asLong() * outPrice) / 1_000_000;
            assertThat(event.path("cost_usd").asDouble()).as(event.toString()).isCloseTo(expected, within(1e-12));
            total += expected;
            answerEvents += answer ? 1 : 0;
        }
        assertThat(answerEvents).isPositive();
        assertThat(stats.path("cost_usd").asDouble()).isCloseTo(total, within(1e-5));
    }

    private static boolean isGenerationPrompt(String prompt) {
        return prompt.contains("Continue the numbered list") || prompt.stripTrailing().endsWith("Classification:")
                || prompt.contains("Now write ");
    }

    private static List<String> teachersIn(JsonNode license) {
        List<String> models = new ArrayList<>();
        license.path("sources").forEach(s -> {
            if (s.path("kind").asText().equals("teacher")) {
                models.add(s.path("model").asText());
            }
        });
        return models;
    }

    private static String[] concat(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!args[0].equals("stats")) {
            all.addAll(List.of("--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY", "--concurrency", "1"));
        }
        return InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
    }
}
