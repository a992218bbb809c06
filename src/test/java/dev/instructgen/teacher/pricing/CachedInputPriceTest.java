package dev.instructgen.teacher.pricing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TokenUsage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Prompt tokens served from the provider's cache, priced at the cached rate (docs/teacher.md, "Prompt caching"). */
class CachedInputPriceTest {

    private final PriceTable table = PriceTable.loadDefault();

    private static TeacherIdentity hosted(String model) {
        return new TeacherIdentity(TeacherApi.OPENAI, model, "api.openai.com");
    }

    @Test
    void cachedPromptTokensCostTheShippedCachedRate() {
        Price price = table.priceFor(hosted("gpt-4o"));

        // 1M prompt tokens of which 600k cached: 400k at $2.50 + 600k at $1.25, and 100k completion at $10.00
        assertThat(price.cost(new TokenUsage(1_000_000, 100_000, 600_000))).isCloseTo(1.0 + 0.75 + 1.0,
                within(1e-9));
    }

    @Test
    void withoutACachedRateCachedTokensCostTheInputRate() throws Exception {
        var node = new ObjectMapper().readTree("{\"plain\": {\"input\": 1.0, \"output\": 2.0}}");
        Price price = table.withOverrides(node, "run.yaml").priceFor(hosted("plain"));

        assertThat(price.cost(new TokenUsage(1_000_000, 0, 900_000))).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void anOverrideMayNameItsCachedRate() throws Exception {
        var node = new ObjectMapper().readTree("{\"mine\": {\"input\": 0.3, \"output\": 1.2, \"cached_input\": 0.075}}");
        Price price = table.withOverrides(node, "run.yaml").priceFor(hosted("mine"));

        assertThat(price.cost(new TokenUsage(2_000_000, 0, 1_000_000))).isCloseTo(0.3 + 0.075, within(1e-9));
    }

    @Test
    void aNegativeCachedRateNamesFileAndModel() throws Exception {
        var node = new ObjectMapper().readTree("{\"mine\": {\"input\": 0.3, \"output\": 1.2, \"cached_input\": -1}}");

        assertThatThrownBy(() -> table.withOverrides(node, "run.yaml")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("run.yaml: prices.mine.cached_input");
    }

    @Test
    void aServerReportingMoreCachedThanPromptTokensIsNeverBilledBelowZero() {
        assertThat(new TokenUsage(100, 5, 150).uncachedPromptTokens()).isZero();
    }
}
