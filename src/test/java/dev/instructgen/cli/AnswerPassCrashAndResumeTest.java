package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeAnswerModel;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
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
 * kill -9 of a self-instruct run with an answer pass on a second server, twice, then the same command again, in
 * child JVMs: the run ends at exactly its target, no answered example is asked again or lost, the answer
 * counters of the killed sessions are restored, and a resume naming another answer model is refused.
 */
class AnswerPassCrashAndResumeTest {

    private static final int TARGET = 100;
    private static final int CONCURRENCY = 6;

    @TempDir
    Path dir;

    @Test
    void anAnsweredRunKilledTwiceEndsAtItsTargetWithoutAskingAnyAnswerTwice() throws Exception {
        Path out = dir.resolve("run");
        FakeAnswerModel answers = new FakeAnswerModel();
        int kills = 0;
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(5, 6, 0.2),
                Duration.ofMillis(10), 16);
             FakeTeacherServer answerServer = FakeTeacherServer.start(answers, Duration.ofMillis(10), 16)) {
            for (int killAfter : new int[] {20, 60}) {
                Process child = start(teacher, answerServer, out, "answer-model");
                waitForLines(out.resolve("examples.jsonl"), killAfter, child);
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                kills++;
            }
            Process refused = start(teacher, answerServer, out, "another-answer-model");
            assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(refused.exitValue()).as(log()).isEqualTo(2);
            assertThat(log()).contains("holds a run with different settings: answer")
                    .contains("\"model\":\"another-answer-model\"");

            Process last = start(teacher, answerServer, out, "answer-model");
            assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("final run finishes").isTrue();
            assertThat(last.exitValue()).as(log()).isZero();
        }

        List<JsonNode> examples = JudgeEndToEndTest.lines(out.resolve("examples.jsonl"));
        assertThat(examples).hasSize(TARGET);
        Set<String> ids = new HashSet<>();
        long answered = 0;
        for (JsonNode e : examples) {
            assertThat(ids.add(e.path("id").asText())).as("unique id " + e).isTrue();
            boolean classification = e.path("is_classification").asBoolean();
            assertThat(e.path("provenance").has("answer")).as(e.toString()).isEqualTo(!classification);
            if (!classification) {
                answered++;
                assertThat(e.path("output").asText()).startsWith(FakeAnswerModel.MARK);
            }
        }
        JsonNode stats = JsonCodec.mapper().readTree(out.resolve("stats.json").toFile());
        assertThat(stats.path("accepted").asLong()).isEqualTo(TARGET);
        assertThat(stats.path("answer").path("answered").asLong()).as("answered across sessions").isEqualTo(answered);
        assertThat(stats.path("answer").path("labels_kept").asLong()).isEqualTo(TARGET - answered);
        // every answer on disk cost one request; at most the answer requests in flight at each kill, and those
        // abandoned at the target, were paid for and not written
        assertThat(answers.requests()).isBetween(answered, answered + 2L * CONCURRENCY * (kills + 1));
        // usage.jsonl carries the answer requests of the killed sessions too. A kill -9 can land between a
        // request's line and its sending, or between the fake receiving it and its line reaching the disk, so only
        // requests in flight at a kill (or abandoned at the target) may differ
        assertThat(stats.path("requests").path("by_stage").path("answer").asLong())
                .as("usage.jsonl carries the answer requests of the killed sessions")
                .isBetween(answers.requests() - (long) CONCURRENCY * (kills + 1),
                        answers.requests() + (long) CONCURRENCY * kills);
        System.out.printf("answer-pass crash test: %d examples, %d answered, %d answer requests after %d kills%n",
                TARGET, answered, answers.requests(), kills);
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("child.log"));
    }

    private Process start(FakeTeacherServer teacher, FakeTeacherServer answerServer, Path out, String answerModel)
            throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", classpath, Main.class.getName(), "self-instruct",
                "--seeds", "seeds/seed_tasks.jsonl", "--teacher-url", teacher.openAiUrl(), "--model", "crash-test",
                "--concurrency", String.valueOf(CONCURRENCY), "--target", String.valueOf(TARGET),
                "--out", out.toString(), "--answer-pass", "--answer-url", answerServer.openAiUrl(),
                "--answer-model", answerModel));
        File log = dir.resolve("child.log").toFile();
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
    }

    private static void waitForLines(Path examples, int atLeast, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (Files.exists(examples) && Files.readAllLines(examples).size() >= atLeast) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(child.isAlive()).as("child still running when it had written " + atLeast + " lines").isTrue();
    }
}
