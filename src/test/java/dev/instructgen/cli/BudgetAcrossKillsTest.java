package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
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
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 #3: a --max-cost budget holds across any number of kill -9s. The run is killed at random moments, each
 * time resumed by the same command, until it stops on its budget; what it really spent is counted by the fake
 * teacher itself (every reply it sent, at $1 per 1M tokens in and out), not by the run.
 */
class BudgetAcrossKillsTest {

    private static final int KILLS = 10;
    private static final int CONCURRENCY = 8;
    private static final double BUDGET = 0.15;
    private static final double USD_PER_TOKEN = 1.0 / 1_000_000;

    @TempDir
    Path dir;

    @Test
    void theBudgetHoldsAcrossTenRandomKillsCountedByTheTeachersOwnLog() throws Exception {
        Path out = dir.resolve("run");
        Path config = Files.writeString(dir.resolve("prices.yaml"),
                "prices: {sim-teacher: {input: 1.0, output: 1.0}}\n");
        Random random = new Random(17);
        int kills = 0;
        int lastExit;
        try (FakeTeacherServer teacher = FakeTeacherServer.start(
                new SyntheticSelfInstructTeacher(5, 6, 0.3), Duration.ofMillis(20), 2 * CONCURRENCY)) {
            while (true) {
                long before = teacher.requestCount();
                Process child = start(teacher, out, config);
                if (kills < KILLS && waitForRequests(teacher, before + 1, child)) {
                    Thread.sleep(20 + random.nextInt(300));
                    if (child.isAlive()) {
                        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                        kills++;
                        continue;
                    }
                }
                assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("run finishes").isTrue();
                lastExit = child.exitValue();
                if (kills >= KILLS) {
                    break;
                }
                // stopped on its budget before the tenth kill: the test would prove less than it says
                throw new AssertionError("the run ended after only " + kills + " kills; raise BUDGET\n"
                        + Files.readString(dir.resolve("child.log")));
            }
            String log = Files.readString(dir.resolve("child.log"));
            assertThat(lastExit).as(log).isEqualTo(ExitCode.STOPPED_RESUMABLE);
            assertThat(log).contains("rerun with a higher --max-cost");

            double realSpend = teacher.tokensAnswered() * USD_PER_TOKEN;
            // each kill may lose the requests in flight at that moment, and the last session may overshoot by its own
            double inFlight = (kills + 1) * CONCURRENCY * teacher.largestReplyTokens() * USD_PER_TOKEN;
            JsonNode stats = JsonCodec.mapper().readTree(out.resolve("stats.json").toFile());
            double recorded = stats.path("cost_usd").asDouble();
            long recordedRequests = stats.path("requests").path("total").asLong();
            String figures = String.format(Locale.ROOT, "kills %d, budget $%.4f, real spend $%.4f (%.2fx), "
                            + "recorded $%.4f, requests sent %d, recorded %d, bound for in-flight $%.4f%n",
                    kills, BUDGET, realSpend, realSpend / BUDGET, recorded, teacher.requestCount(), recordedRequests,
                    inFlight);
            Files.createDirectories(Path.of("target", "bench"));
            Files.writeString(Path.of("target", "bench", "budget-across-kills.txt"), figures);

            assertThat(realSpend).as(figures).isLessThanOrEqualTo(BUDGET + inFlight);
            assertThat(recorded).as(figures).isLessThanOrEqualTo(realSpend + 1e-6)
                    .isGreaterThanOrEqualTo(realSpend - inFlight);
            // a request is journalled just before it goes on the wire, so a kill in between records one the
            // teacher never saw, and one in flight at the kill may be answered without its end being recorded
            long slack = (long) (kills + 1) * CONCURRENCY;
            assertThat(teacher.requestCount() - recordedRequests).as(figures).isBetween(-slack, slack);
            assertThat(stats.path("started_at").asText()).as("the run's start survives the kills")
                    .isEqualTo(JsonCodec.mapper().readTree(out.resolve("manifest.json").toFile())
                            .path("started_at").asText());

            long sentBeforeRerun = teacher.requestCount();
            Process rerun = start(teacher, out, config);
            assertThat(rerun.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(rerun.exitValue()).isEqualTo(ExitCode.STOPPED_RESUMABLE);
            assertThat(teacher.requestCount()).as("a spent budget sends nothing more").isEqualTo(sentBeforeRerun);
        }
    }

    private Process start(FakeTeacherServer teacher, Path out, Path config) throws IOException {
        List<String> command = new ArrayList<>(List.of("self-instruct", "--config", config.toString(),
                "--seeds", "seeds/seed_tasks.jsonl", "--teacher-url", teacher.openAiUrl(), "--model", "sim-teacher",
                "--concurrency", String.valueOf(CONCURRENCY), "--target", "2000",
                "--max-cost", String.valueOf(BUDGET), "--out", out.toString()));
        return ChildProcess.start(dir.resolve("child.log"), command);
    }

    /** True once the teacher has seen {@code atLeast} requests while the child still runs. */
    private static boolean waitForRequests(FakeTeacherServer teacher, long atLeast, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive()) {
            if (teacher.requestCount() >= atLeast) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
