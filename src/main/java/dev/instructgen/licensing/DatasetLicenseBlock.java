package dev.instructgen.licensing;

import dev.instructgen.dataset.LicenseInfo;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The license block of a record taken as it is from a human-written dataset (no teacher involved), as
 * {@code mix} and {@code template} stamp it: the dataset's own license, its obligations from the catalog and the
 * dataset as the one source. It follows the propagation rules of {@link LicenseCombiner} for a single seed
 * source, without the teacher part, so a later run that evolves these records inherits them unchanged.
 */
public final class DatasetLicenseBlock {

    private final SpdxCatalog catalog;

    public DatasetLicenseBlock(SpdxCatalog catalog) {
        this.catalog = catalog;
    }

    public DatasetLicenseBlock() {
        this(SpdxCatalog.shipped());
    }

    public LicenseInfo of(SeedSource source) {
        if (source.license() == null) {
            return new LicenseInfo(LicenseInfo.NOASSERTION, null, List.of(),
                    List.of(LicenseInfo.Source.seed(source.name(), null)));
        }
        LicenseFacts facts = catalog.facts(source.license());
        Set<String> restrictions = new TreeSet<>();
        if (facts.shareAlike()) {
            restrictions.add("share-alike");
        }
        if (Boolean.FALSE.equals(facts.commercial())) {
            restrictions.add("non-commercial");
        }
        if (facts.noDerivatives()) {
            restrictions.add("no-derivatives");
        }
        if (facts.attribution()) {
            restrictions.add("attribution");
        }
        return new LicenseInfo(source.license(), facts.commercial(), List.copyOf(restrictions),
                List.of(LicenseInfo.Source.seed(source.name(), source.license())));
    }

    /** Whether the license is share-alike, for the card's per-source table. */
    public boolean shareAlike(String license) {
        return license != null && catalog.facts(license).shareAlike();
    }
}
