package dev.instructgen.teacher.pricing;

import dev.instructgen.teacher.LocalHosts;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TokenUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PriceTableTest {

    final PriceTable table = PriceTable.loadDefault();

    static TeacherIdentity hosted(String model) {
        return new TeacherIdentity(TeacherApi.OPENAI, model, "api.openai.com");
    }

    @Test
    void pricesAListedHostedModelWithItsSourceAndDate() {
        Price price = table.priceFor(hosted("gpt-4o-mini"));

        assertThat(price.basis()).isEqualTo(Price.Basis.LISTED);
        assertThat(price.inputPerMillion()).isEqualTo(0.15);
        assertThat(price.outputPerMillion()).isEqualTo(0.60);
        assertThat(price.source()).startsWith("https://");
        assertThat(price.checked()).isNotNull();
    }

    @Test
    void costIsTokensTimesPricePerMillion() {
        Price price = table.priceFor(hosted("gpt-4.1"));

        // 2M prompt tokens at $2.00 + 500k completion tokens at $8.00
        assertThat(price.cost(new TokenUsage(2_000_000, 500_000))).isCloseTo(8.0, within(1e-9));
    }

    @Test
    void datedSnapshotsMatchTheirModelButNotALongerSibling() {
        assertThat(table.priceFor(hosted("gpt-4o-2024-08-06")).inputPerMillion()).isEqualTo(2.50);
        assertThat(table.priceFor(hosted("gpt-4o-mini-2024-07-18")).inputPerMillion()).isEqualTo(0.15);
        assertThat(table.priceFor(hosted("claude-3-5-haiku-20241022")).outputPerMillion()).isEqualTo(4.00);
        assertThat(table.priceFor(hosted("claude-opus-4-1-20250805")).inputPerMillion()).isEqualTo(15.00);
    }

    @Test
    void gatewayPrefixesAndAliasesAreUnderstood() {
        assertThat(table.priceFor(hosted("openai/gpt-4.1-nano")).inputPerMillion()).isEqualTo(0.10);
        assertThat(table.priceFor(hosted("anthropic/claude-3.5-sonnet")).outputPerMillion()).isEqualTo(15.00);
    }

    @Test
    void anUnlistedHostedModelHasAnUnknownPriceNotZero() {
        Price price = table.priceFor(hosted("mystery-70b"));

        assertThat(price.isKnown()).isFalse();
        assertThat(price.inputPerMillion()).isNull();
        assertThat(price.source()).contains("mystery-70b");
        assertThatThrownBy(() -> price.cost(new TokenUsage(1, 1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSimilarButUnlistedVersionIsNotGuessed() {
        assertThat(table.priceFor(hosted("gpt-4o-mini-tts")).isKnown()).isFalse();
        assertThat(table.priceFor(hosted("claude-opus-4-7")).isKnown()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8000", "127.0.0.1:8000", "[::1]:8000", "10.1.2.3", "192.168.1.20:11434",
            "172.20.0.5:8000", "ollama:11434", "gpu-box.local:8000", "host.docker.internal:8000", "100.101.2.3",
            "[fd12:3456::1]:8000"})
    void localHostsCostNothingForModelsThePriceTableDoesNotList(String host) {
        Price price = table.priceFor(new TeacherIdentity(TeacherApi.OPENAI, "llama3.1:8b", host));

        assertThat(price.basis()).isEqualTo(Price.Basis.LOCAL);
        assertThat(price.cost(new TokenUsage(1_000_000, 1_000_000))).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:4000", "127.0.0.1:8000", "litellm:4000"})
    void aListedHostedModelBehindALocalGatewayKeepsItsPriceSoTheBudgetCounts(String host) {
        Price price = table.priceFor(new TeacherIdentity(TeacherApi.OPENAI, "gpt-4o-mini", host));

        assertThat(price.basis()).isEqualTo(Price.Basis.LISTED);
        assertThat(price.cost(new TokenUsage(1_000_000, 0))).isPositive();
    }

    @org.junit.jupiter.api.Test
    void aBudgetOverAFreePriceIsWarnedAboutAndABilledOneIsNot() {
        Price free = table.priceFor(new TeacherIdentity(TeacherApi.OPENAI, "llama3.1:8b", "localhost:8000"));
        Price billed = table.priceFor(new TeacherIdentity(TeacherApi.OPENAI, "gpt-4o", "api.openai.com"));

        assertThat(free.budgetWarning(5.0, "llama3.1:8b")).get().asString()
                .contains("--max-cost 5.0 will never stop this run").contains("'prices'");
        assertThat(billed.budgetWarning(5.0, "gpt-4o")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api.openai.com", "8.8.8.8:443", "openrouter.ai", "172.32.0.1"})
    void publicHostsAreNotLocal(String host) {
        assertThat(LocalHosts.isLocal(host)).isFalse();
    }

    @Test
    void theOllamaApiCostsNothing() {
        Price price = table.priceFor(new TeacherIdentity(TeacherApi.OLLAMA, "llama3.1:70b", "ollama.example.com"));

        assertThat(price.basis()).isEqualTo(Price.Basis.LOCAL);
    }

    @Test
    void overridesWinOverTheShippedTableAndPriceUnknownModels() {
        PriceTable custom = table.withOverrides(Map.of(
                "gpt-4o", Price.override(1.0, 2.0),
                "mystery-70b", Price.override(0.5, 0.5)));

        assertThat(custom.priceFor(hosted("gpt-4o")).outputPerMillion()).isEqualTo(2.0);
        assertThat(custom.priceFor(hosted("mystery-70b")).basis()).isEqualTo(Price.Basis.OVERRIDE);
        assertThat(table.priceFor(hosted("gpt-4o")).outputPerMillion()).isEqualTo(10.0);
    }

    @Test
    void readsEntriesWithAliasesFromYaml() throws Exception {
        String yaml = """
                models:
                  tiny-model:
                    input: 0.01
                    output: 0.02
                    aliases: [tiny]
                    checked: 2026-01-02
                    source: https://example.com/prices
                """;

        PriceTable parsed = PriceTable.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));

        Price price = parsed.priceFor(hosted("tiny"));
        assertThat(price.outputPerMillion()).isEqualTo(0.02);
        assertThat(price.checked()).isEqualTo(LocalDate.of(2026, 1, 2));
    }

    @Test
    void everyShippedEntryHasASourceAndACheckedDate() throws Exception {
        try (var in = PriceTable.class.getResourceAsStream("/pricing/prices.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            long entries = text.lines().filter(l -> l.matches("  [a-z0-9.-]+:")).count();
            assertThat(entries).isGreaterThanOrEqualTo(15);
            assertThat(text.lines().filter(l -> l.startsWith("    checked: ")).count()).isEqualTo(entries);
            assertThat(text.lines().filter(l -> l.startsWith("    source: https://")).count()).isEqualTo(entries);
        }
    }

    @Test
    void readsOverridesFromAConfigSection() throws Exception {
        var node = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"my-finetune\": {\"input\": 0.3, \"output\": 1.2}}");

        Price price = table.withOverrides(node, "run.yaml").priceFor(hosted("my-finetune"));

        assertThat(price.basis()).isEqualTo(Price.Basis.OVERRIDE);
        assertThat(price.cost(new TokenUsage(1_000_000, 1_000_000))).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void aMalformedPriceOverrideNamesFileAndModel() throws Exception {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"gpt-4o\": {\"input\": \"cheap\"}}");

        assertThatThrownBy(() -> table.withOverrides(node, "run.yaml"))
                .isInstanceOf(dev.instructgen.error.BadInputException.class)
                .hasMessageContaining("run.yaml").hasMessageContaining("prices.gpt-4o");
    }
}
