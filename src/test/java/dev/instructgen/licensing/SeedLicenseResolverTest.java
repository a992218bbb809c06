package dev.instructgen.licensing;

import dev.instructgen.error.BadInputException;
import dev.instructgen.dataset.SeedTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedLicenseResolverTest {

    @TempDir
    Path dir;

    private final SeedLicenseResolver resolver = new SeedLicenseResolver();

    private static SeedTask task(String id, String license, int line) {
        return new SeedTask(id, "Do " + id, List.of(new SeedTask.Instance("", "done")), false, license, line);
    }

    private Path seeds(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "{}\n");
    }

    @Test
    void theFlagWinsOverSidecarAndRecords() throws IOException {
        Path file = seeds("dolly.jsonl");
        Files.writeString(dir.resolve("dolly.jsonl.license"), "MIT\n");

        SeedLicenses licenses = resolver.resolve(file, "cc-by-sa-3.0", List.of(task("a", "CC0-1.0", 1)));

        assertThat(licenses.origin()).isEqualTo(SeedLicenses.Origin.FLAG);
        assertThat(licenses.sources()).containsExactly(new SeedSource("dolly.jsonl", "CC-BY-SA-3.0"));
        assertThat(licenses.sourceOf(task("a", "CC0-1.0", 1)).license()).isEqualTo("CC-BY-SA-3.0");
    }

    @Test
    void theSidecarsFirstNonBlankLineWinsOverRecords() throws IOException {
        Path file = seeds("alpaca_data.json");
        Files.writeString(dir.resolve("alpaca_data.json.license"), "\n  \nCC-BY-NC-4.0\nsecond line ignored\n");

        SeedLicenses licenses = resolver.resolve(file, null, List.of(task("a", "MIT", 1)));

        assertThat(licenses.origin()).isEqualTo(SeedLicenses.Origin.SIDECAR);
        assertThat(licenses.sources()).containsExactly(new SeedSource("alpaca_data.json", "CC-BY-NC-4.0"));
    }

    @Test
    void readsReuseStyleSidecarsWithAnSpdxTag() throws IOException {
        Path file = seeds("seeds.jsonl");
        Files.writeString(dir.resolve("seeds.jsonl.license"),
                "SPDX-FileCopyrightText: 2023 Someone\nSPDX-License-Identifier: Apache-2.0\n");

        assertThat(resolver.resolve(file, null, List.of()).sources())
                .containsExactly(new SeedSource("seeds.jsonl", "Apache-2.0"));
    }

    @Test
    void aTypoInTheSidecarNamesTheFileLineAndClosestId() throws IOException {
        Path file = seeds("dolly.jsonl");
        Files.writeString(dir.resolve("dolly.jsonl.license"), "\nCC-BY-SA-30\n");

        assertThatThrownBy(() -> resolver.resolve(file, null, List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessage("dolly.jsonl.license line 2: unknown SPDX license 'CC-BY-SA-30'; "
                        + "did you mean CC-BY-SA-3.0?");
    }

    @Test
    void anEmptySidecarIsAnError() throws IOException {
        Path file = seeds("dolly.jsonl");
        Files.writeString(dir.resolve("dolly.jsonl.license"), "\n\n");

        assertThatThrownBy(() -> resolver.resolve(file, null, List.of()))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("dolly.jsonl.license: empty");
    }

    @Test
    void withoutFlagOrSidecarEachRecordKeepsItsOwnLicense() throws IOException {
        Path file = seeds("mixed.jsonl");
        SeedTask apache = task("a", "apache-2.0", 1);
        SeedTask sa = task("b", "CC-BY-SA-4.0", 2);
        SeedTask none = task("c", null, 3);

        SeedLicenses licenses = resolver.resolve(file, null, List.of(apache, sa, none));

        assertThat(licenses.origin()).isEqualTo(SeedLicenses.Origin.RECORDS);
        assertThat(licenses.sourceOf(apache)).isEqualTo(new SeedSource("mixed.jsonl", "Apache-2.0"));
        assertThat(licenses.sourceOf(sa)).isEqualTo(new SeedSource("mixed.jsonl", "CC-BY-SA-4.0"));
        assertThat(licenses.sourceOf(none)).isEqualTo(new SeedSource("mixed.jsonl", null));
        assertThat(licenses.sources()).hasSize(3);
    }

    @Test
    void aTypoInARecordNamesTheFileAndLine() throws IOException {
        Path file = seeds("mixed.jsonl");

        assertThatThrownBy(() -> resolver.resolve(file, null, List.of(task("a", "MIT", 1), task("b", "CC-BY-4", 7))))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("mixed.jsonl line 7: license: unknown SPDX license 'CC-BY-4'")
                .hasMessageContaining("did you mean CC-BY-4.0?");
    }

    @Test
    void nothingGivenMeansUnknown() throws IOException {
        Path file = seeds("seed_tasks.jsonl");

        SeedLicenses licenses = resolver.resolve(file, null, List.of(task("a", null, 1)));

        assertThat(licenses.origin()).isEqualTo(SeedLicenses.Origin.UNKNOWN);
        assertThat(licenses.sources()).containsExactly(new SeedSource("seed_tasks.jsonl", null));
    }
}
