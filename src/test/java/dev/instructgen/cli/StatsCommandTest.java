package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.storage.RunDirectory;
import dev.instructgen.storage.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StatsCommandTest {

    private static final String ENGINE_STATS = """
            {"command":"self-instruct","status":"stopped","stop_reason":"budget reached: max-cost 1.00",
             "started_at":"2026-11-21T22:00:00Z","updated_at":"2026-11-21T22:10:00Z","elapsed_seconds":600,
             "target":100,"accepted":9,"proposed":20,
             "rejected":{"too_similar":6,"too_short":2},
             "requests":{"total":30,"succeeded":27,"retries":4,"failed":3,"by_stage":{"instruction-generation":10,"instance-generation":20}},
             "faults":{"http-429":3,"timeout":1},
             "tokens":{"prompt":12000,"completion":3400},
             "cost_usd":0.5,"cost_per_accepted_usd":0.05,
             "throughput":{"accepted_per_second":0.0167,"requests_per_second":0.05},
             "evolution":{"attempted":8,"accepted":5,"eliminated":{"prompt_leak":3},
               "by_operation":{"deepen":{"attempted":8,"accepted":5,"eliminated":{"prompt_leak":3}}}}}
            """;

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private Path runWithTenExamples(boolean withStats) throws IOException {
        Path dir = tmp.resolve("run");
        try (RunDirectory run = RunDirectory.openOrCreate(dir, TestRuns.manifest(), TestRuns.CLOCK)) {
            for (int i = 0; i < 10; i++) {
                run.appendExample(i < 2 ? TestRuns.example(i, "seed", TestRuns.license("CC-BY-NC-4.0", false))
                        : TestRuns.example(i));
            }
            for (int i = 0; i < 6; i++) {
                run.appendRejection(TestRuns.rejection(i, RejectionReason.TOO_SIMILAR));
            }
            run.appendRejection(TestRuns.rejection(7, RejectionReason.TOO_SHORT));
            run.appendRejection(TestRuns.rejection(8, RejectionReason.TOO_SHORT));
            if (withStats) {
                Files.writeString(dir.resolve("stats.json"), ENGINE_STATS);
            }
        }
        return dir;
    }

    @Test
    void printsCountsYieldPerReasonTokensCostThroughputAndLicenses() throws IOException {
        Path dir = runWithTenExamples(true);

        assertThat(run("stats", dir.toString())).isZero();

        String text = out.toString();
        assertThat(err.toString()).isEmpty();
        assertThat(text).contains("self-instruct, id run-1, teacher llama3.1:8b");
        assertThat(text).contains("stopped (budget reached: max-cost 1.00)");
        assertThat(text).contains("elapsed 0h 10m 00s");
        assertThat(text).containsPattern("accepted\\s+10 of target 100");
        assertThat(text).containsPattern("self-instruct\\s+8");
        assertThat(text).containsPattern("seed\\s+2");
        assertThat(text).containsPattern("proposed\\s+20\\s+yield 50.0% accepted");
        assertThat(text).containsPattern("too_similar\\s+6\\s+30.0%");
        assertThat(text).containsPattern("too_short\\s+2\\s+10.0%");
        assertThat(text).contains("30 total, 27 succeeded, 4 retries, 3 failed");
        assertThat(text).contains("instruction-generation 10, instance-generation 20");
        assertThat(text).contains("http-429 3, timeout 1");
        assertThat(text).contains("12,000 prompt, 3,400 completion");
        assertThat(text).contains("$0.5000, $0.050000 per accepted example");
        assertThat(text).contains("0.0167 accepted/s, 0.0500 requests/s");
        assertThat(text).contains("commercial use: no (yes 8, no 2, unknown 0 records)");
        assertThat(text).containsPattern("Apache-2.0\\s+8");
        assertThat(text).contains("restrictions: non-commercial");
        assertThat(text).contains("evolution   8 attempted, 5 accepted (62.5%)")
                .containsPattern("deepen\\s+8\\s+5\\s+3");
    }

    @Test
    void jsonPrintsOneParsableObjectForScripts() throws IOException {
        Path dir = runWithTenExamples(true);

        assertThat(run("stats", dir.toString(), "--json")).isZero();

        JsonNode json = JsonCodec.mapper().readTree(out.toString());
        assertThat(out.toString().strip().lines()).hasSize(1);
        assertThat(json.get("accepted").asLong()).isEqualTo(10);
        assertThat(json.get("accepted_by_method").get("seed").asLong()).isEqualTo(2);
        assertThat(json.get("rejected").get("too_similar").asLong()).isEqualTo(6);
        assertThat(json.get("rejected_share").get("too_short").asDouble()).isEqualTo(0.1);
        assertThat(json.get("yield").asDouble()).isEqualTo(0.5);
        assertThat(json.get("tokens").get("completion").asLong()).isEqualTo(3400);
        assertThat(json.get("cost_per_accepted_usd").asDouble()).isEqualTo(0.05);
        assertThat(json.get("requests").get("by_stage").get("instance-generation").asLong()).isEqualTo(20);
        assertThat(json.get("license").get("commercial_use").asText()).isEqualTo("no");
        assertThat(json.get("status").asText()).isEqualTo("stopped");
        assertThat(json.get("evolution").get("attempted").asInt()).isEqualTo(8);
    }

    @Test
    void summarisesARunThatHasNoStatsYetFromItsJournals() throws IOException {
        Path dir = runWithTenExamples(false);

        assertThat(run("stats", dir.toString(), "--json")).isZero();

        JsonNode json = JsonCodec.mapper().readTree(out.toString());
        assertThat(json.get("accepted").asLong()).isEqualTo(10);
        assertThat(json.get("proposed").asLong()).isEqualTo(18);
        assertThat(json.get("rejected_total").asLong()).isEqualTo(8);
        assertThat(json.get("target").asLong()).isEqualTo(100);
        assertThat(json.has("status")).isFalse();
        assertThat(json.has("cost_usd")).isFalse();

        assertThat(run("stats", dir.toString())).isZero();
        assertThat(out.toString()).contains("0 prompt, 0 completion");
    }

    @Test
    void toleratesStatsWithOnlySomeFieldsAsAnOlderOrFailedRunLeavesThem() throws IOException {
        Path dir = runWithTenExamples(false);
        Files.writeString(dir.resolve("stats.json"), "{\"status\":\"failed\",\"requests\":{\"total\":30,"
                + "\"retries\":\"n/a\"},\"tokens\":{\"prompt\":5},\"elapsed_seconds\":3725,\"cost_usd\":0.5}");

        assertThat(run("stats", dir.toString())).as(err.toString()).isZero();

        assertThat(out.toString()).contains("failed", "30 total", "5 prompt, 0 completion", "elapsed 1h 02m 05s",
                "$0.5000, $0.050000 per accepted example", "0.0027 accepted/s, 0.0081 requests/s");
        assertThat(out.toString()).doesNotContain("retries");
    }

    @Test
    void refusesADirectoryThatHoldsNoRunWithExitTwo() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        assertThat(run("stats", empty.toString())).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err.toString()).isEqualTo("error: " + empty + " is not a run directory: no manifest.json"
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }
}
