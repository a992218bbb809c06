package dev.instructgen.dataset;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RejectionTest {

    /** A line as version 0.1.0 wrote it for a Self-Instruct instruction (field names, order and formats). */
    private static final String SELF_INSTRUCT_LINE = "{\"id\":\"si-7\",\"stage\":\"instruction-generation\","
            + "\"reason\":\"too_short\",\"detail\":\"2 words, fewer than the minimum of 3\","
            + "\"instruction\":\"Explain gravity.\",\"input\":\"\",\"output\":\"\","
            + "\"parents\":[\"seed_task_1\",\"seed_task_2\"],\"created_at\":\"2026-11-21T22:00:00.120Z\"}";

    /** An Evol-Instruct line of version 0.1.0 with the retired code and no answer (so no output field). */
    private static final String OLD_EVOL_LINE = "{\"id\":\"a.r1\",\"stage\":\"evol-deepen\","
            + "\"reason\":\"rouge_similarity\",\"detail\":\"ROUGE-L F1 0.812 > 0.70 against b.r1\","
            + "\"instruction\":\"x\",\"input\":\"\",\"parents\":[\"a\"],\"created_at\":\"2026-11-21T22:00:00Z\"}";

    @Test
    void writesTheSameLineAsBeforeByteForByte() throws Exception {
        Rejection r = new Rejection("si-7", "instruction-generation", RejectionReason.TOO_SHORT,
                "2 words, fewer than the minimum of 3", "Explain gravity.", "", "",
                List.of("seed_task_1", "seed_task_2"), Instant.parse("2026-11-21T22:00:00.120Z"));

        assertThat(JsonCodec.mapper().writeValueAsString(r)).isEqualTo(SELF_INSTRUCT_LINE);
    }

    @Test
    void readsALineBackIntoTheSameRecord() throws Exception {
        Rejection r = JsonCodec.mapper().readValue(SELF_INSTRUCT_LINE, Rejection.class);

        assertThat(r.reason()).isEqualTo(RejectionReason.TOO_SHORT);
        assertThat(r.createdAt()).isEqualTo(Instant.parse("2026-11-21T22:00:00.120Z"));
        assertThat(JsonCodec.mapper().writeValueAsString(r)).isEqualTo(SELF_INSTRUCT_LINE);
    }

    @Test
    void readsTheRetiredRougeCodeAsTooSimilarAndWritesTheCurrentCode() throws Exception {
        Rejection r = JsonCodec.mapper().readValue(OLD_EVOL_LINE, Rejection.class);

        assertThat(r.reason()).isEqualTo(RejectionReason.TOO_SIMILAR);
        assertThat(r.output()).isNull();
        assertThat(JsonCodec.mapper().writeValueAsString(r))
                .isEqualTo(OLD_EVOL_LINE.replace("rouge_similarity", "too_similar"));
    }

    @Test
    void aTimestampOnTheWholeSecondIsWrittenWithoutMillisecondsAsExamplesAre() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T22:00:00.000999Z"), ZoneOffset.UTC);
        Rejection r = new Rejection("x", "classification", RejectionReason.NOT_CLASSIFICATION_ANSWER, "d", "i", "",
                "", null, Rejection.now(clock));

        assertThat(JsonCodec.mapper().writeValueAsString(r))
                .endsWith("\"parents\":[],\"created_at\":\"" + Provenance.timestamp(clock) + "\"}")
                .endsWith("\"created_at\":\"2026-11-21T22:00:00Z\"}");
    }
}
