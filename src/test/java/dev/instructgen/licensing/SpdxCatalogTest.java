package dev.instructgen.licensing;

import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpdxCatalogTest {

    private final SpdxCatalog catalog = SpdxCatalog.shipped();

    @ParameterizedTest
    @ValueSource(strings = {"CC0-1.0", "CC-BY-4.0", "CC-BY-SA-3.0", "CC-BY-SA-4.0", "CC-BY-NC-4.0",
            "CC-BY-NC-SA-4.0", "CC-BY-NC-ND-4.0", "Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause",
            "GPL-2.0-only", "GPL-3.0-only", "LGPL-2.1-only", "LGPL-3.0-only", "MPL-2.0", "ODC-By-1.0", "ODbL-1.0",
            "PDDL-1.0", "Unlicense", "CDLA-Permissive-2.0", "CDLA-Sharing-1.0"})
    void acceptsTheCommonIds(String id) {
        assertThat(catalog.canonical(id, "--seeds-license")).isEqualTo(id);
        assertThat(catalog.isKnown(id)).isTrue();
    }

    @Test
    void acceptsAnyCaseAndReturnsTheCanonicalSpelling() {
        assertThat(catalog.canonical("apache-2.0", "x")).isEqualTo("Apache-2.0");
        assertThat(catalog.canonical(" cc-by-sa-3.0 ", "x")).isEqualTo("CC-BY-SA-3.0");
    }

    @Test
    void mapsDeprecatedGplIdsToTheirOnlyForm() {
        assertThat(catalog.canonical("GPL-3.0", "x")).isEqualTo("GPL-3.0-only");
    }

    @Test
    void acceptsLicenseRefIdsAsTheyAre() {
        assertThat(catalog.canonical("LicenseRef-Acme-Internal-1.0", "x")).isEqualTo("LicenseRef-Acme-Internal-1.0");
        assertThat(catalog.facts("LicenseRef-Acme-Internal-1.0").commercial()).isNull();
    }

    @Test
    void aTypoNamesTheClosestId() {
        assertThatThrownBy(() -> catalog.canonical("CC-BY-SA-30", "--seeds-license"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("--seeds-license: unknown SPDX license 'CC-BY-SA-30'; did you mean CC-BY-SA-3.0?");
    }

    @Test
    void otherTyposNameTheirClosestIdToo() {
        assertThatThrownBy(() -> catalog.canonical("Apache2.0", "x")).hasMessageContaining("did you mean Apache-2.0?");
        assertThatThrownBy(() -> catalog.canonical("CC-BY-NC-4", "x"))
                .hasMessageContaining("did you mean CC-BY-NC-4.0?");
        assertThatThrownBy(() -> catalog.canonical("BSD-3-Clauses", "x"))
                .hasMessageContaining("did you mean BSD-3-Clause?");
    }

    @Test
    void somethingFarFromAnyIdGetsExamplesInsteadOfAGuess() {
        assertThatThrownBy(() -> catalog.canonical("proprietary stuff", "x"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("unknown SPDX license 'proprietary stuff'")
                .hasMessageContaining("expected an SPDX id such as")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void knowsTheFactsThePropagationRulesNeed() {
        assertThat(catalog.facts("CC-BY-SA-3.0").shareAlike()).isTrue();
        assertThat(catalog.facts("CC-BY-SA-3.0").huggingFaceId()).isEqualTo("cc-by-sa-3.0");
        assertThat(catalog.facts("CC-BY-NC-4.0").commercial()).isFalse();
        assertThat(catalog.facts("CC0-1.0").publicDomain()).isTrue();
        assertThat(catalog.facts("MIT").attribution()).isTrue();
        assertThat(catalog.facts("CC-BY-NC-ND-4.0").noDerivatives()).isTrue();
    }
}
