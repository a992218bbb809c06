package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeJudge;
import dev.instructgen.testing.ChildProcess;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a judged self-instruct run, twice, then the same command again, in child JVMs: the judged examples
 * on disk are neither judged again nor lost, and the quality counters of the killed sessions (judged, kept, the
 * low-quality and unreadable rejections, the histogram) are restored from examples.jsonl and rejected.jsonl.
 */
class JudgeCrashAndResumeTest {

    private static final int TARGET = 120;
    private static final int CONCURRENCY = 6;

    @TempDir
    Path dir;

    @Test
    void aJudgedRunKilledTwiceNeitherJudgesAgainNorLosesJudgedExamples() throws Exception {
        Path out = dir.resolve("run");
        FakeJudge judge = new FakeJudge();
        SyntheticSelfInstructTeacher generator = new SyntheticSelfInstructTeacher(5, 6, 0.2);
        int kills = 0;
        try (FakeTeacherServer teacher = FakeTeacherServer.start(
                prompt -> prompt.contains(FakeJudge.RUBRIC_MARK) ? judge.apply(prompt) : generator.apply(prompt),
                Duration.ofMillis(10), 16)) {
            for (int killAfter : new int[] {25, 70}) {
                Process child = start(teacher, out);
                ChildProcess.waitForLines(out.resolve("examples.jsonl"), killAfter, child);
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                kills++;
            }
            Process last = start(teacher, out);
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("final run finishes").isTrue();
            assertThat(last.exitValue()).as(Files.readString(dir.resolve("child.log"))).isZero();
        }

        List<JsonNode> examples = JudgeEndToEndTest.lines(out.resolve("examples.jsonl"));
        assertThat(examples).hasSize(TARGET);
        Set<String> ids = new HashSet<>();
        for (JsonNode e : examples) {
            assertThat(ids.add(e.path("id").asText())).as("unique id " + e).isTrue();
            assertThat(e.path("provenance").path("quality").path("score").asDouble()).isGreaterThanOrEqualTo(4.5);
        }
        List<JsonNode> rejected = JudgeEndToEndTest.lines(out.resolve("rejected.jsonl"));
        long low = rejected.stream().filter(r -> r.path("reason").asText().equals("low_quality")).count();
        long unreadable = rejected.stream().filter(r -> r.path("reason").asText().equals("judge_unreadable")).count();
        assertThat(low).isPositive();
        assertThat(unreadable).isPositive();

        JsonNode stats = JsonCodec.mapper().readTree(out.resolve("stats.json").toFile());
        JsonNode q = stats.path("quality");
        assertThat(q.path("kept").asLong()).as("kept across sessions").isEqualTo(TARGET);
        assertThat(q.path("judged").asLong()).as("judged across sessions").isEqualTo(TARGET + low + unreadable);
        assertThat(q.path("unreadable").asLong()).isEqualTo(unreadable);
        assertThat(q.path("histogram").path("3.0").asLong()).isEqualTo(low);
        assertThat(stats.path("rejected").path("low_quality").asLong()).isEqualTo(low);
        assertThat(stats.path("rejected").path("judge_unreadable").asLong()).isEqualTo(unreadable);
        // every verdict on disk cost one request (two when unreadable); at most the judge requests in flight at
        // each kill were paid for and lost
        long onDisk = TARGET + low + 2 * unreadable;
        assertThat(judge.requests()).isBetween(onDisk, onDisk + 2L * CONCURRENCY * kills);
        System.out.printf("judged-run crash test: %d examples, %d low_quality, %d judge_unreadable, %d judge "
                + "requests for %d verdicts on disk after %d kills%n", TARGET, low, unreadable, judge.requests(),
                onDisk, kills);
    }

    private Process start(FakeTeacherServer teacher, Path out) throws IOException {
        List<String> command = new ArrayList<>(List.of("self-instruct",
                "--seeds", "seeds/seed_tasks.jsonl", "--teacher-url", teacher.openAiUrl(), "--model", "crash-test",
                "--concurrency", String.valueOf(CONCURRENCY), "--target", String.valueOf(TARGET),
                "--out", out.toString(), "--judge"));
        return ChildProcess.start(dir.resolve("child.log"), command);
    }
}
