package dev.instructgen.licensing;

import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommercialUseGateTest {

    private final TeacherTermsPolicy policy = TeacherTermsPolicy.loadDefault();
    private final CommercialUseGate gate = new CommercialUseGate();

    @Test
    void namesANonCommercialSeedSet() {
        assertThatThrownBy(() -> gate.check(List.of(new SeedSource("alpaca_data.json", "CC-BY-NC-4.0")),
                policy.termsFor("llama3.1:8b")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--require-commercial: seed set 'alpaca_data.json' is CC-BY-NC-4.0, "
                        + "which forbids commercial use");
    }

    @Test
    void namesASeedSetWithoutAKnownLicense() {
        assertThatThrownBy(() -> gate.check(List.of(new SeedSource("seed_tasks.jsonl", null)),
                policy.termsFor("llama3.1:8b")))
                .hasMessageStartingWith("--require-commercial: seed set 'seed_tasks.jsonl' has no known license")
                .hasMessageContaining("seed_tasks.jsonl.license");
    }

    @Test
    void namesALicenseRefWhoseTermsAreUnknown() {
        assertThatThrownBy(() -> gate.check(List.of(new SeedSource("inhouse.jsonl", "LicenseRef-Acme")),
                policy.termsFor("llama3.1:8b")))
                .hasMessageContaining("seed set 'inhouse.jsonl' is LicenseRef-Acme, whose terms for commercial use "
                        + "are unknown");
    }

    @Test
    void namesATeacherWhoseTermsForbidCommercialUse() {
        assertThatThrownBy(() -> gate.check(List.of(new SeedSource("seeds.jsonl", "Apache-2.0")),
                policy.termsFor("qwen2.5:3b")))
                .hasMessageStartingWith("--require-commercial: teacher 'qwen2.5:3b' is under Qwen Research License "
                        + "Agreement")
                .hasMessageContaining("which forbids commercial use");
    }

    @Test
    void namesATeacherWithUnknownTerms() {
        assertThatThrownBy(() -> gate.check(List.of(new SeedSource("seeds.jsonl", "Apache-2.0")),
                policy.termsFor("acme-llm:7b")))
                .hasMessage("--require-commercial: the terms of teacher 'acme-llm:7b' are unknown; add an entry "
                        + "under licensing.teacher-terms in the config (see docs/licensing.md)");
    }

    @Test
    void explainsWhyAnAmbiguousTeacherNameHasUnknownTerms() {
        assertThatThrownBy(() -> gate.check(List.of(new SeedSource("seeds.jsonl", "Apache-2.0")),
                policy.termsFor("mistral-small")))
                .hasMessageContaining("teacher 'mistral-small' are unknown")
                .hasMessageContaining("give the size or version");
    }

    @Test
    void namesATeacherWhoseTableEntryLeavesCommercialUseOpen() {
        assertThatThrownBy(() -> gate.check(List.of(new SeedSource("seeds.jsonl", "Apache-2.0")),
                policy.termsFor("mistral-large-latest", "api.mistral.ai")))
                .hasMessageContaining("teacher 'mistral-large-latest' is under Mistral AI Terms of Service")
                .hasMessageContaining("does not establish whether commercial use is allowed");
    }

    @Test
    void listsEveryOffendingSource() {
        assertThatThrownBy(() -> gate.check(List.of(new SeedSource("alpaca_data.json", "CC-BY-NC-4.0"),
                new SeedSource("dolly.jsonl", "CC-BY-SA-3.0")), policy.termsFor("acme-llm")))
                .hasMessageContaining("'alpaca_data.json'")
                .hasMessageContaining("teacher 'acme-llm'")
                .hasMessageNotContaining("dolly.jsonl");
    }

    @Test
    void letsCommercialSourcesThrough() {
        assertThatCode(() -> gate.check(List.of(new SeedSource("dolly.jsonl", "CC-BY-SA-3.0"),
                new SeedSource("seed_tasks.jsonl", "Apache-2.0")), policy.termsFor("gpt-4o-mini")))
                .doesNotThrowAnyException();
        assertThat(policy.termsFor("gpt-4o-mini").commercialUse()).isTrue();
    }
}
