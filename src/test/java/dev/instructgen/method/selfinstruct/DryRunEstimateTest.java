package dev.instructgen.method.selfinstruct;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DryRunEstimateTest {

    private final Map<String, Integer> promptChars = Map.of(
            SelfInstructPrompts.STAGE_GENERATION, 4000,
            SelfInstructPrompts.STAGE_CLASSIFICATION, 2000,
            SelfInstructPrompts.STAGE_INSTANCES, 3000);

    @Test
    void countsRequestsAndTokensFromThePromptSizesAndTheStatedYields() {
        DryRunEstimate e = DryRunEstimate.of(100, 1, promptChars, usage -> usage.promptTokens() * 1e-6
                + usage.completionTokens() * 2e-6);

        // 100 examples at 90% instance yield: 112 tasks; 3.5 accepted per generation call: 32 calls
        assertThat(e.tasks()).isEqualTo(112);
        assertThat(e.generationCalls()).isEqualTo(32);
        assertThat(e.requests()).isEqualTo(32 + 112 + 112);
        assertThat(e.tokens().promptTokens()).isEqualTo(32 * 1000 + 112 * 500 + 112 * 750);
        assertThat(e.tokens().completionTokens()).isEqualTo(32 * 7 * 25 + 112 * 2 + 112 * 80);
        assertThat(e.costUsd()).isCloseTo(e.tokens().promptTokens() * 1e-6 + e.tokens().completionTokens() * 2e-6,
                within(1e-12));
    }

    @Test
    void moreInstancesPerTaskNeedFewerTasks() {
        DryRunEstimate one = DryRunEstimate.of(900, 1, promptChars, usage -> 0);
        DryRunEstimate three = DryRunEstimate.of(900, 3, promptChars, usage -> 0);

        assertThat(one.tasks()).isEqualTo(1000);
        assertThat(three.tasks()).isEqualTo(334);
    }

    @Test
    void saysWhenThePriceIsUnknown() {
        String text = DryRunEstimate.of(10, 1, promptChars, usage -> 0).format("acme-model", false);

        assertThat(text).contains("acme-model").contains("unknown (no price for this model)");
    }
}
