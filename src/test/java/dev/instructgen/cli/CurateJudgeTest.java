package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeJudge;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.PseudoText;
import dev.instructgen.text.semantic.HashingEmbedder;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code curate --judge} through the real command line against a judge on loopback ({@link FakeJudge}: bare JSON,
 * fenced JSON after prose, "Score: 5/5" after a reasoning block, and unreadable refusals): scores recorded, the
 * threshold applied, unreadable verdicts handled, licenses carried over with the judge's terms, --top ranked by
 * score, and kill -9 in child JVMs neither re-judging nor losing what was on disk.
 */
class CurateJudgeTest {

    @TempDir
    Path dir;

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @Test
    void judgedCurationKeepsScoresAtLeastTheMinimumWithTheJudgesTermsAddedToEachLicense() throws IOException {
        Path data = dataset(60);
        Path run = dir.resolve("curated");
        FakeJudge judge = new FakeJudge();
        try (FakeTeacherServer server = FakeTeacherServer.start(judge, Duration.ZERO, 4)) {
            int exit = run("curate", "--in", data.toString(), "--out", run.toString(), "--input-license",
                    "CC-BY-4.0", "--judge", "--judge-url", server.openAiUrl(), "--judge-model", "judge-model");
            assertThat(exit).as(err.toString()).isZero();
        }
        List<JsonNode> examples = JudgeEndToEndTest.lines(run.resolve("examples.jsonl"));
        List<JsonNode> rejected = JudgeEndToEndTest.lines(run.resolve("rejected.jsonl"));
        assertThat(examples.size() + rejected.size()).isEqualTo(60);
        assertThat(examples).isNotEmpty().allSatisfy(e -> {
            JsonNode q = e.path("provenance").path("quality");
            assertThat(q.path("score").asDouble()).isGreaterThanOrEqualTo(4.5);
            assertThat(q.path("judge").path("model").asText()).isEqualTo("judge-model");
            assertThat(e.path("provenance").path("prompts").path("quality-judge").asText())
                    .startsWith("judge/score.txt@");
            List<String> kinds = new ArrayList<>();
            e.path("license").path("sources").forEach(s -> kinds.add(s.path("kind").asText()
                    + ":" + s.path("license").asText(s.path("model").asText())));
            assertThat(kinds).contains("seed:CC-BY-4.0", "teacher:judge-model");
        });
        List<JsonNode> low = byReason(rejected, "low_quality");
        long unreadable = byReason(rejected, "judge_unreadable").size();
        assertThat(low).isNotEmpty().allSatisfy(r -> {
            assertThat(r.path("score").asDouble()).isEqualTo(3.0);
            assertThat(r.path("stage").asText()).isEqualTo("quality-judge");
        });
        assertThat(unreadable).isPositive();
        assertThat(low.size() + unreadable).isEqualTo(rejected.size());
        assertThat(judge.requests()).isEqualTo(examples.size() + low.size() + 2 * unreadable);

        JsonNode stats = JsonCodec.mapper().readTree(run.resolve("stats.json").toFile());
        assertThat(stats.path("quality").path("judged").asLong()).isEqualTo(60);
        assertThat(stats.path("quality").path("kept").asLong()).isEqualTo(examples.size());
        JsonNode manifest = JsonCodec.mapper().readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.path("settings").path("judge").path("min_score").asDouble()).isEqualTo(4.5);
        assertThat(Files.readString(run.resolve("DATASET_CARD.md"))).contains("judge-model");
    }

    @Test
    void unreadableVerdictsAreKeptWithANullScoreWhenAskedAndTopRanksByScore() throws IOException {
        Path data = dataset(40);
        Path run = dir.resolve("top");
        try (FakeTeacherServer server = FakeTeacherServer.start(new FakeJudge(), Duration.ZERO, 4)) {
            int exit = run("curate", "--in", data.toString(), "--out", run.toString(), "--judge", "--judge-url",
                    server.openAiUrl(), "--judge-model", "j", "--on-unreadable", "keep", "--min-score", "3",
                    "--top", "10");
            assertThat(exit).as(err.toString()).isZero();
        }
        List<JsonNode> examples = JudgeEndToEndTest.lines(run.resolve("examples.jsonl"));
        assertThat(examples).hasSize(10);
        List<Double> scores = examples.stream().map(e -> e.path("provenance").path("quality").path("score"))
                .map(s -> s.isNull() ? -1.0 : s.asDouble()).toList();
        // the best scores first: ten of the 5.0 / 4.5 records, never a 3.0 or an unreadable one
        assertThat(scores).allSatisfy(s -> assertThat(s).isGreaterThanOrEqualTo(4.5));
        assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void curateJudgeNeedsTheJudgesEndpointAndModel() throws IOException {
        int exit = run("curate", "--in", dataset(3).toString(), "--out", dir.resolve("x").toString(), "--judge");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--judge-url and --judge-model");
    }

    @Test
    void aJudgedCurationKilledTwiceNeitherJudgesAgainNorLosesWhatWasOnDisk() throws Exception {
        int records = 240;
        Path data = dataset(records);
        Path run = dir.resolve("killed");
        FakeJudge judge = new FakeJudge();
        int concurrency = 4;
        int kills = 0;
        try (FakeTeacherServer server = FakeTeacherServer.start(judge, Duration.ofMillis(15), 8)) {
            for (int killAfter : new int[] {30, 90}) {
                Process child = start(server, data, run, concurrency);
                waitForLines(run, killAfter, child);
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                kills++;
            }
            Process last = start(server, data, run, concurrency);
            assertThat(last.waitFor(180, TimeUnit.SECONDS)).as("final run finishes").isTrue();
            assertThat(last.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        }
        List<JsonNode> examples = JudgeEndToEndTest.lines(run.resolve("examples.jsonl"));
        List<JsonNode> rejected = JudgeEndToEndTest.lines(run.resolve("rejected.jsonl"));
        Set<String> ids = new HashSet<>();
        examples.forEach(e -> assertThat(ids.add(e.path("id").asText())).isTrue());
        rejected.forEach(r -> assertThat(ids.add(r.path("id").asText())).as("decided once: " + r).isTrue());
        assertThat(ids).hasSize(records);
        long low = byReason(rejected, "low_quality").size();
        long unreadable = byReason(rejected, "judge_unreadable").size();
        JsonNode q = JsonCodec.mapper().readTree(run.resolve("stats.json").toFile()).path("quality");
        assertThat(q.path("judged").asLong()).as("judged across sessions").isEqualTo(records);
        assertThat(q.path("kept").asLong()).isEqualTo(examples.size());
        assertThat(q.path("unreadable").asLong()).isEqualTo(unreadable);
        assertThat(q.path("histogram").path("3.0").asLong()).isEqualTo(low);
        long onDisk = examples.size() + low + 2 * unreadable;
        assertThat(judge.requests()).as("only verdicts in flight at a kill were asked twice")
                .isBetween(onDisk, onDisk + 2L * concurrency * kills);
        System.out.printf("curate --judge crash test: %d records, %d kept, %d judge requests for %d verdicts on "
                + "disk after %d kills%n", records, examples.size(), judge.requests(), onDisk, kills);
    }

    private Process start(FakeTeacherServer server, Path data, Path run, int concurrency) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classpath, Main.class.getName(), "curate", "--in", data.toString(),
                "--out", run.toString(), "--judge", "--judge-url", server.openAiUrl(), "--judge-model", "crash",
                "--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY", "--concurrency", String.valueOf(concurrency));
        File log = dir.resolve("child.log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    private static void waitForLines(Path run, int atLeast, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (lineCount(run.resolve("examples.jsonl")) + lineCount(run.resolve("rejected.jsonl")) >= atLeast) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("child still running when it had decided " + atLeast + " records").isTrue();
    }

    private static long lineCount(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file).size() : 0;
    }

    private static List<JsonNode> byReason(List<JsonNode> rejected, String reason) {
        return rejected.stream().filter(r -> r.path("reason").asText().equals(reason)).toList();
    }

    private Path dataset(int n) throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        List<String> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(CurateCommandTest.record(PseudoText.instruction(random, 8) + " " + i, "",
                    PseudoText.sentence(random, 12)));
        }
        Path file = dir.resolve("data-" + n + ".json");
        Files.writeString(file, "[\n" + String.join(",\n", records) + "\n]\n");
        return file;
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY", "--concurrency", "2"));
        var commandLine = InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        ((CurateCommand) commandLine.getSubcommands().get("curate").getCommand()).embedder =
                () -> new HashingEmbedder(256);
        return commandLine.execute(all.toArray(String[]::new));
    }
}
