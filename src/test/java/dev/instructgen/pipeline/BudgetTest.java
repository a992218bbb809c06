package dev.instructgen.pipeline;

import dev.instructgen.testing.ScriptedTeacher;
import dev.instructgen.testing.MutableClock;
import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BudgetTest {

    private final RunStats stats = new RunStats("self-instruct", 10,
            new MutableClock(Instant.EPOCH), usage -> usage.total() * 0.001);

    @Test
    void isNotReachedBeforeAnySpending() {
        assertThat(new Budget(0.5, 1000L).exceededBy(stats)).isEmpty();
        assertThat(Budget.UNLIMITED.exceededBy(stats)).isEmpty();
    }

    @Test
    void stopsOnCostOnceTheEstimateReachesTheLimit() {
        stats.onSuccess("s", ScriptedTeacher.reply("x")); // 120 tokens -> $0.12

        assertThat(new Budget(0.12, null).exceededBy(stats)).contains(StopReason.BUDGET_COST);
        assertThat(new Budget(0.13, null).exceededBy(stats)).isEmpty();
    }

    @Test
    void stopsOnTokensOnceTheTotalReachesTheLimit() {
        stats.onSuccess("s", ScriptedTeacher.reply("x"));

        assertThat(new Budget(null, 120L).exceededBy(stats)).contains(StopReason.BUDGET_TOKENS);
        assertThat(new Budget(null, 121L).exceededBy(stats)).isEmpty();
        assertThat(StopReason.BUDGET_TOKENS.exitCode()).isEqualTo(3);
        assertThat(StopReason.BUDGET_TOKENS.resumable()).isTrue();
    }

    @Test
    void rejectsNonPositiveLimitsAsBadInput() {
        assertThatThrownBy(() -> new Budget(0.0, null)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--max-cost");
        assertThatThrownBy(() -> new Budget(null, 0L)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("--max-tokens");
    }
}
