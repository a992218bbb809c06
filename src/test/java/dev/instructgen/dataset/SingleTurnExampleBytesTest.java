package dev.instructgen.dataset;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the examples.jsonl line of a single-turn record byte for byte, so adding conversation fields to the record
 * never changes what existing runs write or read back.
 */
class SingleTurnExampleBytesTest {

    static final String LINE = "{\"id\":\"seed_task_1.r1\",\"instruction\":\"Name a city.\",\"input\":\"\","
            + "\"output\":\"Lima.\",\"method\":\"evol-instruct\",\"task_id\":\"seed_task_1.r1\","
            + "\"is_classification\":false,\"provenance\":{\"run_id\":\"run-1\","
            + "\"created_at\":\"2026-01-01T00:00:00.000Z\",\"teacher\":{\"api\":\"openai\",\"model\":\"m\","
            + "\"host\":\"localhost:8000\"},\"prompts\":{\"response\":\"evol/response.txt@abc\"},"
            + "\"parents\":[\"seed_task_1\"],\"evolution\":{\"round\":1,\"operation\":\"deepen\"},"
            + "\"novelty\":{\"rouge_l_max\":0.25,\"most_similar\":\"seed_task_2\"},"
            + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":5}},\"license\":{\"license\":\"CC0-1.0\","
            + "\"commercial_use\":true,\"restrictions\":[],\"sources\":[{\"kind\":\"seed\",\"name\":\"seeds\","
            + "\"license\":\"CC0-1.0\"}]}}";

    @Test
    void aSingleTurnRecordSerialisesExactlyAsBefore() throws Exception {
        Example example = JsonCodec.mapper().readValue(LINE, Example.class);

        assertThat(JsonCodec.mapper().writeValueAsString(example)).isEqualTo(LINE);
    }

    @Test
    void aSingleTurnRecordBuiltInCodeSerialisesWithoutConversationFields() throws Exception {
        Provenance p = new Provenance("run-1", "2026-01-01T00:00:00.000Z", null, Map.of(), List.of(), null, null,
                null);
        Example example = JsonCodec.mapper().readValue(LINE, Example.class);
        Example built = new Example("x", "i", "", "o", MethodId.INVERT, "x", false, p, example.license());

        assertThat(JsonCodec.mapper().writeValueAsString(built)).doesNotContain("messages");
    }
}
