package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.FakeTeacherServer.Fault;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A night's worth of teacher misbehaviour in one short run of the real command: every transient fault is retried,
 * counted by kind in stats.json, and none crashes the run or prints a stack trace.
 */
class FaultyTeacherRunTest {

    private static final List<Fault> ONE_OF_EACH = List.of(Fault.RATE_LIMITED, Fault.UNAVAILABLE,
            Fault.SERVER_ERROR, Fault.INVALID_JSON, Fault.EMPTY_CONTENT, Fault.CONNECTION_DROPPED, Fault.HANG,
            Fault.LENGTH);

    @TempDir
    Path dir;

    @Test
    void everyTransientFaultIsRetriedCountedAndSurvived() throws Exception {
        Path out = dir.resolve("run");
        StringWriter err = new StringWriter();
        int exit;
        try (FakeTeacherServer teacher = FakeTeacherServer.start(
                new SyntheticSelfInstructTeacher(3, 6), Duration.ZERO, 8)) {
            // every third request meets the next fault, so each retry succeeds after one short backoff
            teacher.injectFaults(n -> n % 3 == 0 && n / 3 <= ONE_OF_EACH.size()
                    ? ONE_OF_EACH.get((int) (n / 3 - 1)) : Fault.NONE);
            exit = InstructgenCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                    .execute("self-instruct", "--seeds", "seeds/seed_tasks.jsonl",
                            "--teacher-url", teacher.openAiUrl(), "--model", "faulty", "--timeout", "1s",
                            "--concurrency", "1", "--target", "20", "--out", out.toString());
        }

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readAllLines(out.resolve("examples.jsonl"))).hasSize(20);
        JsonNode stats = JsonCodec.mapper().readTree(out.resolve("stats.json").toFile());
        JsonNode faults = stats.path("faults");
        for (String kind : List.of("rate_limited", "server_error", "malformed_response", "empty_content",
                "connection", "timeout")) {
            assertThat(faults.path(kind).asLong()).as(kind + " in " + faults).isPositive();
        }
        assertThat(faults.path("server_error").asLong()).as("503 and 500").isGreaterThanOrEqualTo(2);
        assertThat(stats.path("requests").path("retries").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    }
}
