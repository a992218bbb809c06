package dev.instructgen.report;

import dev.instructgen.method.selfinstruct.SelfInstructCard;
import dev.instructgen.method.evol.EvolCard;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.instructgen.report.CardFacts;
import dev.instructgen.licensing.CombiningLicenseTagger;
import dev.instructgen.licensing.LicenseSummary;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.licensing.TeacherTermsPolicy;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetCardTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final TeacherTermsPolicy POLICY = TeacherTermsPolicy.loadDefault();

    private static CardFacts facts(String command, String model, List<SeedSource> seeds, long accepted,
                                   Map<String, Long> byMethod) {
        TeacherTerms terms = POLICY.termsFor(model);
        CombiningLicenseTagger tagger = new CombiningLicenseTagger(terms);
        LicenseSummary.Builder summary = new LicenseSummary.Builder();
        for (long i = 0; i < accepted; i++) {
            summary.add(tagger.tag(seeds));
        }
        Map<String, Long> rejected = new LinkedHashMap<>();
        rejected.put("too_similar", 300L);
        rejected.put("too_short", 40L);
        rejected.put("blacklisted|word", 10L);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("--rouge-threshold", "0.7");
        settings.put("--random-seed", "42");
        return new CardFacts(command, "run-7", new TeacherIdentity(TeacherApi.OLLAMA, model, "localhost:11434"), terms,
                POLICY.version(), seeds, accepted + 350, accepted, byMethod, rejected, new TokenUsage(120_000, 45_000),
                null, Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2026-11-21T10:42:30Z"), settings,
                summary.build(), List.of("en"), command.equals("evol-instruct") ? List.of(EvolCard.CARD)
                : List.of(SelfInstructCard.CARD), List.of());
    }

    private static JsonNode header(String card) throws Exception {
        assertThat(card).startsWith("---\n");
        int end = card.indexOf("\n---\n", 4);
        assertThat(end).isPositive();
        return YAML.readTree(card.substring(4, end + 1));
    }

    @Test
    void headerParsesAndMatchesASelfInstructRunOnShareAlikeSeeds() throws Exception {
        CardFacts facts = facts("self-instruct", "llama3.1:8b", List.of(new SeedSource("dolly.jsonl", "CC-BY-SA-3.0")),
                1200, Map.of("self-instruct", 1200L));

        JsonNode header = header(new DatasetCard().render(facts));

        assertThat(header.get("license").asText()).isEqualTo("cc-by-sa-3.0");
        assertThat(header.get("language").get(0).asText()).isEqualTo("en");
        assertThat(header.get("size_categories").get(0).asText()).isEqualTo("1K<n<10K");
        assertThat(header.get("task_categories").get(0).asText()).isEqualTo("text-generation");
        assertThat(YAML.convertValue(header.get("tags"), List.class))
                .containsExactly("synthetic", "self-instruct", "instructgen");
        assertThat(header.get("pretty_name").asText()).contains("run-7");
    }

    @Test
    void combinedLicensesAreDeclaredAsOtherWithTheExpressionNamed() throws Exception {
        CardFacts facts = facts("self-instruct", "gpt-4o-mini", List.of(new SeedSource("dolly.jsonl", "CC-BY-SA-3.0"),
                new SeedSource("seed_tasks.jsonl", "Apache-2.0")), 20, Map.of("self-instruct", 20L));

        JsonNode header = header(new DatasetCard().render(facts));

        assertThat(header.get("license").asText()).isEqualTo("other");
        assertThat(header.get("license_name").asText()).isEqualTo("cc-by-sa-3.0-and-apache-2.0");
        assertThat(header.get("size_categories").get(0).asText()).isEqualTo("n<1K");
    }

    @Test
    void unknownSeedLicensesAreDeclaredUnknown() throws Exception {
        CardFacts facts = facts("evol-instruct", "qwen2.5:7b", List.of(new SeedSource("mystery.jsonl", null)), 5,
                Map.of("evol-instruct", 5L));

        String card = new DatasetCard().render(facts);
        JsonNode header = header(card);

        assertThat(header.get("license").asText()).isEqualTo("unknown");
        assertThat(YAML.convertValue(header.get("tags"), List.class)).contains("evol-instruct")
                .doesNotContain("self-instruct");
        assertThat(card).contains("| mystery.jsonl | unknown | unknown | unknown |");
    }

    @Test
    void bodyStatesTeacherSeedsFiltersCountsAndLicenseAnalysis() {
        CardFacts facts = facts("self-instruct", "llama3.1:8b", List.of(new SeedSource("dolly.jsonl", "CC-BY-SA-3.0")),
                650, Map.of("self-instruct", 650L));

        String card = new DatasetCard().render(facts);

        assertThat(card).contains("## Method", "Self-Instruct", "## Teacher", "## Seed sources",
                "## Filters and yields", "## Counts", "## Settings", "## License analysis", "## How to cite");
        assertThat(card).contains("| Model | llama3.1:8b |")
                .contains("[Llama 3.1 Community License Agreement](https://llama.meta.com/llama3_1/license/)")
                .contains("| Policy version | " + POLICY.version() + " |");
        assertThat(card).contains("| dolly.jsonl | CC-BY-SA-3.0 | yes | yes |");
        assertThat(card).contains("1000 candidates were proposed; 650 were accepted (yield 65.0%).")
                .contains("| too_similar | 300 | 30.0% |")
                .contains("| blacklisted\\|word | 10 | 1.0% |")
                .contains("| accepted | 650 | 65.0% |");
        assertThat(card).contains("| Prompt tokens | 120000 |").contains("| Estimated cost | not estimated |")
                .contains("| Duration | 42m30s |").contains("| --rouge-threshold | 0.7 |");
        assertThat(card).contains("All 650 examples carry the license CC-BY-SA-3.0.")
                .contains("Naming: ")
                .contains("Credit for the seed data goes to: dolly.jsonl (CC-BY-SA-3.0).")
                .contains("not legal advice");
    }

    @Test
    void citesOnlyTheMethodsTheRunUsed() {
        String selfInstruct = new DatasetCard().render(facts("self-instruct", "llama3.1:8b",
                List.of(new SeedSource("s.jsonl", "MIT")), 3, Map.of("self-instruct", 3L)));
        String evolved = new DatasetCard().render(facts("evol-instruct", "llama3.1:8b",
                List.of(new SeedSource("s.jsonl", "MIT")), 3, Map.of("evol-instruct", 3L)));

        assertThat(selfInstruct).contains("Self-Instruct: Aligning Language Models with Self-Generated Instructions")
                .contains("2023.acl-long.754").doesNotContain("WizardLM");
        assertThat(evolved).contains("WizardLM: Empowering Large Language Models to Follow Complex Instructions")
                .contains("2304.12244").doesNotContain("@inproceedings{wang");
    }

    @Test
    void sizeCategoriesFollowHuggingFaceBoundaries() {
        assertThat(CardFrontMatter.sizeCategory(0)).isEqualTo("n<1K");
        assertThat(CardFrontMatter.sizeCategory(999)).isEqualTo("n<1K");
        assertThat(CardFrontMatter.sizeCategory(1000)).isEqualTo("1K<n<10K");
        assertThat(CardFrontMatter.sizeCategory(52_002)).isEqualTo("10K<n<100K");
        assertThat(CardFrontMatter.sizeCategory(250_000)).isEqualTo("100K<n<1M");
    }
}
