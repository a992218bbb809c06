package dev.instructgen.licensing;

import dev.instructgen.dataset.LicenseInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LicenseSummaryTest {

    private static final LicenseInfo.Source TEACHER = LicenseInfo.Source.teacher("gpt-4o-mini", "OpenAI", "u");

    private static LicenseInfo block(String license, Boolean commercial, String... restrictions) {
        return new LicenseInfo(license, commercial, List.of(restrictions),
                List.of(LicenseInfo.Source.seed("seeds.jsonl", license), TEACHER));
    }

    @Test
    void countsExamplesPerLicenseAndCommercialAnswer() {
        LicenseSummary summary = LicenseSummary.of(List.of(
                block("Apache-2.0", true, "attribution"),
                block("Apache-2.0", true, "attribution"),
                block("CC-BY-NC-4.0", false, "non-commercial"),
                block("NOASSERTION", null)));

        assertThat(summary.examples()).isEqualTo(4);
        assertThat(summary.byLicense()).containsEntry("Apache-2.0", 2L).containsEntry("CC-BY-NC-4.0", 1L)
                .containsEntry("NOASSERTION", 1L);
        assertThat(summary.commercialAllowed()).isEqualTo(2);
        assertThat(summary.commercialForbidden()).isEqualTo(1);
        assertThat(summary.commercialUnknown()).isEqualTo(1);
        assertThat(summary.commercialUse()).isFalse();
        assertThat(summary.restrictions()).containsExactly("attribution", "non-commercial");
        assertThat(summary.licensesByCount().get(0).getKey()).isEqualTo("Apache-2.0");
    }

    @Test
    void listsEachDistinctSourceOnce() {
        LicenseSummary summary = LicenseSummary.of(List.of(block("MIT", true), block("MIT", true)));

        assertThat(summary.sources()).containsExactly(LicenseInfo.Source.seed("seeds.jsonl", "MIT"), TEACHER);
    }

    @Test
    void describesAUniformCommercialDatasetInPlainWords() {
        LicenseSummary summary = LicenseSummary.of(List.of(block("CC-BY-SA-3.0", true, "share-alike"),
                block("CC-BY-SA-3.0", true, "share-alike")));

        assertThat(summary.commercialUse()).isTrue();
        assertThat(summary.describe()).contains("All 2 examples carry the license CC-BY-SA-3.0.",
                "Commercial use is allowed by every source of every example.");
        assertThat(String.join("\n", summary.describe())).contains("Share-alike: ");
    }

    @Test
    void describesUnknownCommercialTermsAsUnknown() {
        LicenseSummary summary = LicenseSummary.of(List.of(block("MIT", true), block("NOASSERTION", null)));

        assertThat(summary.commercialUse()).isNull();
        assertThat(String.join("\n", summary.describe()))
                .contains("2 different licenses")
                .contains("Whether commercial use is allowed is unknown");
    }

    @Test
    void aSingleExampleIsDescribedInTheSingular() {
        assertThat(LicenseSummary.of(List.of(block("MIT", true))).describe())
                .contains("The one example carries the license MIT.");
    }

    @Test
    void anEmptyRunHasNothingToLicense() {
        LicenseSummary summary = LicenseSummary.of(List.of());

        assertThat(summary.commercialUse()).isNull();
        assertThat(summary.describe()).containsExactly("No examples were accepted, so there is nothing to license.");
    }
}
