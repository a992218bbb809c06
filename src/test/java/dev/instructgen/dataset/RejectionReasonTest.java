package dev.instructgen.dataset;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RejectionReasonTest {

    private static final Path DOCS_TABLE = Path.of("docs", "rejections.md");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\|(.*)\\|(.*)\\|(.*)\\|$");

    /** The rows of the docs table, by code: stage, description and former codes as the page shows them. */
    private static Map<String, List<String>> docsRows() throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOCS_TABLE)) {
            var m = ROW.matcher(line);
            if (m.matches()) {
                List<String> cells = List.of(m.group(2), m.group(3), m.group(4)).stream()
                        .map(cell -> cell.replace("`", "").strip()).toList();
                assertThat(rows.put(m.group(1), cells)).as("row of %s listed twice", m.group(1)).isNull();
            }
        }
        return rows;
    }

    @Test
    void everyReasonOfTheCatalogueIsInTheDocsTableWithItsStageAndDescription() throws IOException {
        Map<String, List<String>> rows = docsRows();
        for (RejectionReason reason : RejectionReason.catalogue()) {
            assertThat(rows).as("docs/rejections.md lists %s", reason.code()).containsKey(reason.code());
            assertThat(rows.get(reason.code())).containsExactly(reason.stage(), reason.description(),
                    String.join(", ", reason.aliases()));
        }
    }

    @Test
    void everyReasonOfTheDocsTableIsInTheCatalogue() throws IOException {
        List<String> codes = RejectionReason.catalogue().stream().map(RejectionReason::code).toList();
        assertThat(docsRows().keySet()).containsExactlyElementsOf(codes);
    }

    @Test
    void codesAreStableSnakeCaseAndEachReasonSaysWhoEmitsItAndWhy() {
        for (RejectionReason reason : RejectionReason.catalogue()) {
            assertThat(reason.code()).matches("[a-z]+(_[a-z]+)*");
            assertThat(reason.stage()).isNotBlank();
            assertThat(reason.description()).isNotBlank().doesNotContain("|");
        }
    }

    @Test
    void theRougeCheckOfBothMethodsHasOneCodeAndTheRetiredEvolCodeIsReadAsIt() {
        assertThat(RejectionReason.fromCode("too_similar")).isEqualTo(RejectionReason.TOO_SIMILAR);
        assertThat(RejectionReason.fromCode("rouge_similarity")).isEqualTo(RejectionReason.TOO_SIMILAR);
        assertThat(RejectionReason.TOO_SIMILAR.stage()).contains("instruction-generation", "evol-<operation>");
    }

    @Test
    void anUnknownCodeIsRefusedNamingTheCode() {
        assertThatThrownBy(() -> RejectionReason.fromCode("rouge-l-too-similar"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"rouge-l-too-similar\"");
    }
}
