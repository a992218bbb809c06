package dev.instructgen.mix;

import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.error.BadInputException;
import dev.instructgen.licensing.LicenseSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The license side of a mix, per source and as a whole, computed from the license blocks of the records the
 * mix took (so a source contributes exactly the obligations of what it gave). Share-alike travels with the
 * blocks: a share-alike record keeps its restriction, so the mix as a whole is share-alike.
 */
final class SourceLicenses {

    private final Map<String, LicenseSummary.Builder> bySource = new LinkedHashMap<>();
    private final LicenseSummary.Builder all = new LicenseSummary.Builder();

    SourceLicenses(Mixer.Outcome outcome) {
        outcome.sources().forEach(s -> bySource.put(s.name(), new LicenseSummary.Builder()));
        for (int i = 0; i < outcome.records().size(); i++) {
            LicenseInfo license = outcome.licenses().get(i);
            bySource.get(outcome.sourceOf().get(i)).add(license);
            all.add(license);
        }
    }

    LicenseSummary of(String source) {
        return bySource.get(source).build();
    }

    LicenseSummary all() {
        return all.build();
    }

    /** Sources whose records make the mix share-alike. */
    List<String> shareAlikeSources() {
        List<String> names = new ArrayList<>();
        bySource.forEach((name, b) -> {
            if (b.build().restrictions().contains("share-alike")) {
                names.add(name);
            }
        });
        return names;
    }

    /**
     * {@code --require-commercial}: refuses, before anything is written, a mix holding any record whose
     * commercial use is forbidden or unknown, naming each source and its licenses.
     */
    void requireCommercial() {
        List<String> problems = new ArrayList<>();
        bySource.forEach((name, b) -> {
            LicenseSummary s = b.build();
            String licenses = String.join(", ", s.licensesByCount().stream().map(Map.Entry::getKey).toList());
            if (s.commercialForbidden() > 0) {
                problems.add("source '" + name + "' is " + licenses + ", which forbids commercial use ("
                        + s.commercialForbidden() + " of its " + s.examples() + " records)");
            } else if (s.commercialUnknown() > 0) {
                problems.add("source '" + name + "' (" + licenses + ") has " + s.commercialUnknown() + " of its "
                        + s.examples() + " records whose commercial use is unknown (give its license with "
                        + "license=SPDX or a .license sidecar, or check the teacher's terms)");
            }
        });
        if (!problems.isEmpty()) {
            throw new BadInputException("--require-commercial: " + String.join("; ", problems));
        }
    }
}
