package dev.instructgen.licensing;

import dev.instructgen.error.BadInputException;
import dev.instructgen.dataset.SeedTask;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Decides the license of a seed set (PRODUCT.md): {@code --seeds-license SPDX}, else a {@code FILE.license}
 * sidecar, else per-record {@code license} fields (each record keeps its own), else unknown. Every id is
 * checked against the {@link SpdxCatalog}; a typo is a {@link BadInputException} naming the closest id.
 */
public final class SeedLicenseResolver {

    private static final String SPDX_TAG = "SPDX-License-Identifier:";

    private final SpdxCatalog catalog;

    public SeedLicenseResolver(SpdxCatalog catalog) {
        this.catalog = catalog;
    }

    public SeedLicenseResolver() {
        this(SpdxCatalog.shipped());
    }

    /**
     * @param seedsFile    the seed file; its name identifies the set in license blocks
     * @param seedsLicense the {@code --seeds-license} value, or null
     * @param tasks        the tasks read from the file (their {@code license} fields are the last resort)
     */
    public SeedLicenses resolve(Path seedsFile, String seedsLicense, List<SeedTask> tasks) {
        String name = seedsFile.getFileName().toString();
        if (seedsLicense != null) {
            return new SeedLicenses(name, SeedLicenses.Origin.FLAG,
                    catalog.canonical(seedsLicense, "--seeds-license"), catalog, tasks);
        }
        Path sidecar = seedsFile.resolveSibling(name + ".license");
        if (Files.isRegularFile(sidecar)) {
            return new SeedLicenses(name, SeedLicenses.Origin.SIDECAR, readSidecar(sidecar), catalog, tasks);
        }
        boolean anyRecordLicense = tasks.stream().anyMatch(t -> t.license() != null && !t.license().isBlank());
        return new SeedLicenses(name, anyRecordLicense ? SeedLicenses.Origin.RECORDS : SeedLicenses.Origin.UNKNOWN,
                null, catalog, tasks);
    }

    /**
     * The sidecar holds the id on its first non-blank line; REUSE-style sidecars with an
     * {@code SPDX-License-Identifier:} line (after copyright lines) are read too.
     */
    private String readSidecar(Path sidecar) {
        String fileName = sidecar.getFileName().toString();
        List<String> lines;
        try {
            lines = Files.readAllLines(sidecar, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(fileName + ": cannot be read (" + e.getMessage() + ")", e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith(SPDX_TAG)) {
                return catalog.canonical(line.substring(SPDX_TAG.length()), fileName + " line " + (i + 1));
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                return catalog.canonical(line, fileName + " line " + (i + 1));
            }
        }
        throw new BadInputException(fileName + ": empty; expected an SPDX license id such as CC-BY-SA-3.0 "
                + "on its first line");
    }
}
