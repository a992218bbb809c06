package dev.instructgen.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EvolutionSummaryTextTest {

    @Test
    void showsAHeadlineAndOneRowPerOperationAndRoundWithAColumnPerRule() throws Exception {
        JsonNode evolution = JsonCodec.mapper().readTree("""
                {"attempted": 10, "accepted": 6, "eliminated": {"prompt_leak": 1, "response_apology": 3},
                 "by_operation": {
                   "deepen": {"attempted": 6, "accepted": 3, "eliminated": {"response_apology": 3}},
                   "breadth": {"attempted": 4, "accepted": 3, "eliminated": {"prompt_leak": 1}}},
                 "by_round": {"1": {"attempted": 10, "accepted": 6,
                                    "eliminated": {"prompt_leak": 1, "response_apology": 3}}},
                 "judge_unclear": 2}
                """);

        List<String> lines = EvolutionSummaryText.render(evolution);

        assertThat(lines).containsExactly(
                "evolution   10 attempted, 6 accepted (60.0%), judge unclear 2",
                "  operation attempted  accepted prompt_leak response_apology",
                "  deepen            6         3           0                3",
                "  breadth           4         3           1                0",
                "  round attempted  accepted prompt_leak response_apology",
                "  1            10         6           1                3");
    }

    @Test
    void aRunWithoutEvolutionsShowsOnlyTheHeadline() throws Exception {
        JsonNode evolution = JsonCodec.mapper().readTree("{\"attempted\": 0, \"accepted\": 0}");

        assertThat(EvolutionSummaryText.render(evolution)).containsExactly("evolution   0 attempted, 0 accepted");
    }
}
