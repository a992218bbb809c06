package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 #9, #13, #15 through the CLI: what a resume restores, what it says when it cannot, and a dataset card
 * that states the same counts as stats.json.
 */
class ResumeAccountingTest {

    @TempDir
    Path dir;

    private FakeTeacherServer teacher;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void start() throws IOException {
        teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(5, 6, 0.3), Duration.ZERO, 8);
    }

    @AfterEach
    void stop() {
        teacher.close();
    }

    private int selfInstruct(Path run, int target) {
        out = new StringWriter();
        err = new StringWriter();
        return InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute("self-instruct",
                "--seeds", "seeds/seed_tasks.jsonl", "--teacher-url", teacher.openAiUrl(), "--model", "sim-teacher",
                "--concurrency", "4", "--target", String.valueOf(target), "--out", run.toString());
    }

    @Test
    void aBudgetStopSaysToRaiseTheBudgetAndTheSameBudgetSendsNothingMore() throws IOException {
        Path run = dir.resolve("run");
        Path config = Files.writeString(dir.resolve("prices.yaml"),
                "prices: {sim-teacher: {input: 1.0, output: 1.0}}\n");
        String[] args = {"self-instruct", "--config", config.toString(), "--seeds", "seeds/seed_tasks.jsonl",
                "--teacher-url", teacher.openAiUrl(), "--model", "sim-teacher", "--concurrency", "2",
                "--target", "500", "--max-cost", "0.002", "--out", run.toString()};
        err = new StringWriter();
        assertThat(InstructgenCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute(args)).isEqualTo(ExitCode.STOPPED_RESUMABLE);
        assertThat(err.toString()).contains("cost budget of $0.0020 reached")
                .contains("(rerun with a higher --max-cost to continue)")
                .doesNotContain("run the same command again");
        long sent = teacher.requestCount();

        err = new StringWriter();
        assertThat(InstructgenCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute(args)).isEqualTo(ExitCode.STOPPED_RESUMABLE);
        assertThat(err.toString()).contains("rerun with a higher --max-cost");
        assertThat(teacher.requestCount()).isEqualTo(sent);
    }

    private static JsonNode stats(Path run) throws IOException {
        return JsonCodec.mapper().readTree(run.resolve("stats.json").toFile());
    }

    @Test
    void aResumeWithASmallerTargetSaysWhatTheFileHoldsInsteadOfAPercentageOverOneHundred() throws IOException {
        Path run = dir.resolve("run");
        assertThat(selfInstruct(run, 12)).as(err.toString()).isZero();

        assertThat(selfInstruct(run, 6)).as(err.toString()).isZero();

        assertThat(out.toString()).contains("done: 12 examples").doesNotContain("done: 6 examples");
        assertThat(err.toString()).contains("examples.jsonl already holds 12 examples, more than --target 6")
                .contains("12 (target 6 reached)").doesNotContain("200.0%");
        assertThat(Files.readAllLines(run.resolve("examples.jsonl"))).hasSize(12);
    }

    @Test
    void examplesCutFromTheFileAreNamedOnResumeRecordedInTheCardAndReportedOnce() throws IOException {
        Path run = dir.resolve("run");
        assertThat(selfInstruct(run, 12)).as(err.toString()).isZero();
        Path examples = run.resolve("examples.jsonl");
        Files.write(examples, Files.readAllLines(examples).subList(0, 4));

        assertThat(selfInstruct(run, 12)).as(err.toString()).isZero();

        String warning = "examples.jsonl holds 4 examples but 12 were accepted before: 8 accepted examples are "
                + "missing";
        assertThat(err.toString()).contains(warning);
        assertThat(Files.readString(run.resolve("DATASET_CARD.md"))).contains(warning);
        assertThat(Files.readAllLines(examples)).hasSize(12);

        assertThat(selfInstruct(run, 12)).isZero();
        assertThat(err.toString()).doesNotContain("missing");
    }

    @Test
    void aDamagedOrDeletedStatsJsonNoLongerResetsTheCountersOrTheStartTime() throws IOException {
        Path run = dir.resolve("run");
        assertThat(selfInstruct(run, 6)).as(err.toString()).isZero();
        JsonNode first = stats(run);
        long requestsBefore = teacher.requestCount();
        Files.writeString(run.resolve("stats.json"), "\u0000\u0000not json");

        assertThat(selfInstruct(run, 12)).as(err.toString()).isZero();

        JsonNode second = stats(run);
        assertThat(second.path("started_at").asText()).isEqualTo(first.path("started_at").asText());
        assertThat(second.path("requests").path("total").asLong()).as("every request of both sessions")
                .isEqualTo(teacher.requestCount()).isGreaterThan(requestsBefore);
        assertThat(second.path("tokens").path("prompt").asLong())
                .isGreaterThan(first.path("tokens").path("prompt").asLong());
        assertThat(second.path("proposed").asLong()).isGreaterThan(first.path("proposed").asLong());
        assertThat(err.toString()).doesNotContain("count from zero");
    }

    @Test
    void theCardStatesTheCountsOfTheFinalStatsJsonAndExplainsWhatDoesNotAddUp() throws IOException {
        Path run = dir.resolve("run");
        assertThat(selfInstruct(run, 10)).as(err.toString()).isZero();

        JsonNode stats = stats(run);
        String card = Files.readString(run.resolve("DATASET_CARD.md"));
        assertThat(card).contains("| Prompt tokens | " + stats.path("tokens").path("prompt").asLong() + " |")
                .contains("| Completion tokens | " + stats.path("tokens").path("completion").asLong() + " |")
                .contains("| Accepted examples | " + stats.path("accepted").asLong() + " |")
                .contains("| Estimated cost | $0.00 |")
                .contains("Estimated cost is $0: no per-token price applies to this teacher");
        long proposed = stats.path("proposed").asLong();
        long judged = stats.path("accepted").asLong() + rejected(stats);
        if (proposed != judged) {
            assertThat(card).contains("## Notes on the counts").contains(proposed + " proposed");
        }
    }

    private static long rejected(JsonNode stats) {
        long sum = 0;
        for (JsonNode n : (Iterable<JsonNode>) () -> stats.path("rejected").elements()) {
            sum += n.asLong();
        }
        return sum;
    }
}
