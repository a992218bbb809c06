package dev.instructgen.pipeline;

import dev.instructgen.testing.MutableClock;
import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatsSectionsTest {

    @Test
    void aMethodSectionIsWrittenAsATopLevelFieldOfStatsJson() throws Exception {
        RunStats stats = new RunStats("evol-instruct", 10, new MutableClock(Instant.parse("2026-11-21T22:00:00Z")),
                CostModel.FREE);
        stats.addSection("evolution", () -> Map.of("attempted", 7));

        JsonNode json = JsonCodec.mapper().readTree(JsonCodec.mapper().writeValueAsString(stats.snapshot(null)));

        assertThat(json.path("evolution").path("attempted").asInt()).isEqualTo(7);
        assertThat(json.has("sections")).isFalse();
        assertThat(json.path("command").asText()).isEqualTo("evol-instruct");
    }

    @Test
    void withoutSectionsStatsJsonKeepsItsCommonFieldsOnly() throws Exception {
        RunStats stats = new RunStats("self-instruct", 10, new MutableClock(Instant.parse("2026-11-21T22:00:00Z")),
                CostModel.FREE);
        JsonNode json = JsonCodec.mapper().readTree(JsonCodec.mapper().writeValueAsString(stats.snapshot(null)));
        assertThat(json.has("sections")).isFalse();
        assertThat(json.has("evolution")).isFalse();
        assertThat(json.has("throughput")).isTrue();
    }
}
