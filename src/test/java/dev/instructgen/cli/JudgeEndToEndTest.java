package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeJudge;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticEvolTeacher;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code --judge} through the CLI against loopback fakes: the teacher speaks the OpenAI wire format, the judge
 * (another server, another model) Ollama's, or both share one server. Scores land in provenance.quality, the
 * threshold decides, unreadable verdicts are asked once more and then dropped or kept, and the counters add up.
 */
class JudgeEndToEndTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Test
    void selfInstructWithAJudgeOnAnotherServerKeepsOnlyExamplesScoredAtLeastTheMinimum() throws Exception {
        FakeJudge judge = new FakeJudge();
        Path run = dir.resolve("run");
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(7, 6),
                Duration.ZERO, 8);
             FakeTeacherServer judgeServer = FakeTeacherServer.start(judge, Duration.ZERO, 8).serving("judge-model")) {
            int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--out", run.toString(),
                    "--teacher-url", teacher.openAiUrl(), "--model", "teacher-model", "--target", "30",
                    "--judge", "--judge-url", judgeServer.ollamaUrl(), "--judge-api", "ollama",
                    "--judge-model", "judge-model");
            assertThat(exit).as(err.toString()).isZero();
        }
        List<JsonNode> examples = lines(run.resolve("examples.jsonl"));
        assertThat(examples).hasSize(30);
        for (JsonNode e : examples) {
            JsonNode quality = e.path("provenance").path("quality");
            assertThat(quality.path("score").asDouble()).as(e.toString()).isGreaterThanOrEqualTo(4.5);
            assertThat(quality.path("rationale").asText()).isNotBlank();
            assertThat(quality.path("judge").path("model").asText()).isEqualTo("judge-model");
            assertThat(quality.path("judge").path("api").asText()).isEqualTo("ollama");
            assertThat(e.path("provenance").path("teacher").path("model").asText()).isEqualTo("teacher-model");
            assertThat(e.path("provenance").path("prompts").path("quality-judge").asText())
                    .startsWith("judge/score.txt@");
        }
        List<JsonNode> rejected = lines(run.resolve("rejected.jsonl"));
        List<JsonNode> low = rejected.stream().filter(r -> r.path("reason").asText().equals("low_quality")).toList();
        long unreadable = rejected.stream().filter(r -> r.path("reason").asText().equals("judge_unreadable")).count();
        assertThat(low).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path("score").asDouble()).isEqualTo(3.0);
            assertThat(r.path("stage").asText()).isEqualTo("quality-judge");
            assertThat(r.path("detail").asText()).contains("3.0 < --min-score 4.5");
        });
        assertThat(unreadable).isPositive();

        JsonNode stats = JsonCodec.mapper().readTree(run.resolve("stats.json").toFile());
        JsonNode q = stats.path("quality");
        assertThat(q.path("judged").asLong()).isEqualTo(30 + low.size() + unreadable);
        assertThat(q.path("kept").asLong()).isEqualTo(30);
        assertThat(q.path("unreadable").asLong()).isEqualTo(unreadable);
        assertThat(q.path("histogram").path("3.0").asLong()).isEqualTo(low.size());
        assertThat(q.path("histogram").path("4.5").asLong() + q.path("histogram").path("5.0").asLong())
                .isEqualTo(30);
        // an unreadable verdict is asked exactly once more, a readable one never; per prompt the count is a lower
        // bound, since two tasks' instances may happen to read the same
        assertThat(judge.requests()).isEqualTo(30 + low.size() + 2 * unreadable);
        assertThat(judge.promptsJudgedMoreThan(2)).isZero();
        assertThat(judge.promptsJudgedMoreThan(1)).isGreaterThanOrEqualTo(unreadable);
        assertThat(stats.path("requests").path("by_stage").path("quality-judge").asLong())
                .as("the judge's requests count like any stage's").isEqualTo(judge.requests());
        assertThat(err.toString()).contains(
                "more than 5% of the judge's verdicts could not be read");

        String card = Files.readString(run.resolve("DATASET_CARD.md"));
        assertThat(card).contains("## Quality").contains("| 3.0 | " + low.size() + " |")
                .contains("more than 5% of the judge's verdicts could not be read");
        JsonNode manifest = JsonCodec.mapper().readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.path("settings").path("judge").path("model").asText()).isEqualTo("judge-model");
        assertThat(manifest.path("settings").path("judge").path("min_score").asDouble()).isEqualTo(4.5);
    }

    @Test
    void withOnUnreadableKeepAnExampleWithoutAReadableVerdictIsKeptWithANullScore() throws Exception {
        Path run = dir.resolve("run");
        SyntheticSelfInstructTeacher generator = new SyntheticSelfInstructTeacher(11, 6);
        FakeJudge judge = new FakeJudge();
        try (FakeTeacherServer teacher = FakeTeacherServer.start(
                prompt -> prompt.contains(FakeJudge.RUBRIC_MARK) ? judge.apply(prompt) : generator.apply(prompt),
                Duration.ZERO, 8)) {
            int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--out", run.toString(),
                    "--teacher-url", teacher.openAiUrl(), "--model", "one-model", "--target", "25",
                    "--judge", "--on-unreadable", "keep", "--min-score", "3");
            assertThat(exit).as(err.toString()).isZero();
        }
        List<JsonNode> examples = lines(run.resolve("examples.jsonl"));
        assertThat(examples).hasSize(25);
        assertThat(examples).anySatisfy(e -> assertThat(e.path("provenance").path("quality").path("score").isNull())
                .isTrue());
        assertThat(examples).anySatisfy(e -> assertThat(e.path("provenance").path("quality").path("score")
                .asDouble()).isEqualTo(3.0));
        assertThat(examples).allSatisfy(e -> assertThat(e.path("provenance").path("quality").path("judge")
                .path("model").asText()).isEqualTo("one-model"));
        assertThat(lines(run.resolve("rejected.jsonl"))).noneSatisfy(r ->
                assertThat(r.path("reason").asText()).isIn("low_quality", "judge_unreadable"));
    }

    @Test
    void evolInstructJudgesEveryAnsweredEvolutionAndALowScoreEliminatesIt() throws Exception {
        Path run = dir.resolve("run");
        SyntheticEvolTeacher evolver = new SyntheticEvolTeacher(3, 0.0);
        FakeJudge judge = new FakeJudge();
        try (FakeTeacherServer teacher = FakeTeacherServer.start(
                prompt -> prompt.contains(FakeJudge.RUBRIC_MARK) ? judge.apply(prompt) : evolver.apply(prompt),
                Duration.ZERO, 8).serving("evol-model")) {
            int exit = run("evol-instruct", "--input", "seeds/seed_tasks.jsonl", "--rounds", "1",
                    "--out", run.toString(), "--teacher-url", teacher.ollamaUrl(), "--teacher-api", "ollama",
                    "--model", "evol-model", "--judge");
            assertThat(exit).as(err.toString()).isZero();
        }
        List<JsonNode> examples = lines(run.resolve("examples.jsonl"));
        List<JsonNode> low = lines(run.resolve("rejected.jsonl")).stream()
                .filter(r -> r.path("reason").asText().equals("low_quality")).toList();
        assertThat(examples).isNotEmpty().allSatisfy(e ->
                assertThat(e.path("provenance").path("quality").path("score").asDouble()).isGreaterThanOrEqualTo(4.5));
        assertThat(low).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path("score").asDouble()).isEqualTo(3.0);
            assertThat(r.path("stage").asText()).startsWith("evol-");
        });
        JsonNode stats = JsonCodec.mapper().readTree(run.resolve("stats.json").toFile());
        assertThat(stats.path("quality").path("kept").asLong()).isEqualTo(examples.size());
        assertThat(stats.path("evolution").path("eliminated").path("low_quality").asLong())
                .isEqualTo(low.size());
    }

    // one request at a time: the counts must add up exactly, so no verdict may be in flight at the target
    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY", "--concurrency", "1"));
        return InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
    }

    static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        if (!Files.exists(file)) {
            return nodes;
        }
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                nodes.add(JsonCodec.mapper().readTree(line));
            }
        }
        return nodes;
    }
}
