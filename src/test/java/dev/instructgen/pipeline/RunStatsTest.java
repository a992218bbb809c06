package dev.instructgen.pipeline;

import dev.instructgen.testing.ScriptedTeacher;
import dev.instructgen.testing.MutableClock;
import dev.instructgen.storage.StatsFile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.teacher.FaultKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunStatsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T22:00:00Z"));

    @Test
    void countsRequestsTokensCostAndDecisionsIntoTheStatsJsonShape() throws Exception {
        RunStats stats = new RunStats("self-instruct", 10, clock,
                usage -> usage.promptTokens() * 1e-6 + usage.completionTokens() * 2e-6);
        stats.onAttempt("instruction-generation");
        stats.onFault("instruction-generation", FaultKind.RATE_LIMITED, true);
        stats.onAttempt("instruction-generation");
        stats.onSuccess("instruction-generation", ScriptedTeacher.reply("x"));
        stats.onAttempt("instance-generation");
        stats.onSuccess("instance-generation", ScriptedTeacher.reply("y"));
        stats.onProposed(7);
        stats.onAccepted();
        stats.onAccepted();
        stats.onRejected("too_similar");
        stats.onRejected("too_similar");
        stats.onRejected("too_short");
        clock.advance(Duration.ofSeconds(4));

        JsonNode json = JsonCodec.mapper().readTree(JsonCodec.mapper().writeValueAsString(stats.snapshot(null)));

        assertThat(json.path("status").asText()).isEqualTo("running");
        assertThat(json.path("stop_reason").isNull()).isTrue();
        assertThat(json.path("started_at").asText()).isEqualTo("2026-11-21T22:00:00Z");
        assertThat(json.path("updated_at").asText()).isEqualTo("2026-11-21T22:00:04Z");
        assertThat(json.path("elapsed_seconds").asDouble()).isEqualTo(4.0);
        assertThat(json.path("accepted").asLong()).isEqualTo(2);
        assertThat(json.path("proposed").asLong()).isEqualTo(7);
        assertThat(json.path("rejected").path("too_similar").asLong()).isEqualTo(2);
        assertThat(json.path("rejected").path("too_short").asLong()).isEqualTo(1);
        assertThat(json.path("requests").path("total").asLong()).isEqualTo(3);
        assertThat(json.path("requests").path("succeeded").asLong()).isEqualTo(2);
        assertThat(json.path("requests").path("retries").asLong()).isEqualTo(1);
        assertThat(json.path("requests").path("failed").asLong()).isZero();
        assertThat(json.path("requests").path("by_stage").path("instruction-generation").asLong()).isEqualTo(2);
        assertThat(json.path("faults").path("rate_limited").asLong()).isEqualTo(1);
        assertThat(json.path("tokens").path("prompt").asLong()).isEqualTo(200);
        assertThat(json.path("tokens").path("completion").asLong()).isEqualTo(40);
        assertThat(json.path("cost_usd").asDouble()).isCloseTo(200e-6 + 80e-6, within(1e-9));
        assertThat(json.path("cost_per_accepted_usd").asDouble()).isCloseTo(140e-6, within(1e-9));
        assertThat(json.path("throughput").path("accepted_per_second").asDouble()).isEqualTo(0.5);
        assertThat(json.path("throughput").path("requests_per_second").asDouble()).isEqualTo(0.75);
    }

    @Test
    void reportsTheStopReasonAndStatusOnceTheRunEnds() {
        RunStats stats = new RunStats("self-instruct", 10, clock, CostModel.FREE);

        StatsFile s = stats.snapshot(RunOutcome.of(StopReason.BUDGET_COST, "cost budget reached"));

        assertThat(s.status()).isEqualTo("stopped");
        assertThat(s.stopReason()).isEqualTo("budget_cost");
        assertThat(s.costPerAcceptedUsd()).isNull();
    }

    @Test
    void aResumedRunContinuesTheEarlierCountersAndElapsedTime() throws Exception {
        RunStats first = new RunStats("self-instruct", 10, clock, usage -> 0.01);
        first.onAttempt("instruction-generation");
        first.onSuccess("instruction-generation", ScriptedTeacher.reply("x"));
        first.onProposed(5);
        first.onFault("instance-generation", FaultKind.TIMEOUT, false);
        clock.advance(Duration.ofSeconds(10));
        JsonNode earlier = JsonCodec.mapper().valueToTree(first.snapshot(null));

        clock.advance(Duration.ofHours(1));
        RunStats second = new RunStats("self-instruct", 10, clock, usage -> 0.01);
        second.restore(3, Map.of("too_short", 2L), earlier);
        clock.advance(Duration.ofSeconds(5));
        StatsFile s = second.snapshot(null);

        assertThat(s.accepted()).isEqualTo(3);
        assertThat(s.proposed()).isEqualTo(5);
        assertThat(s.rejected()).containsEntry("too_short", 2L);
        assertThat(s.requests().total()).isEqualTo(1);
        assertThat(s.requests().failed()).isEqualTo(1);
        assertThat(s.faults()).containsEntry("timeout", 1L);
        assertThat(s.tokens().prompt()).isEqualTo(100);
        assertThat(s.costUsd()).isEqualTo(0.01);
        assertThat(s.elapsedSeconds()).isEqualTo(15.0);
        assertThat(s.startedAt()).isEqualTo("2026-11-21T22:00:00Z");
    }
}
