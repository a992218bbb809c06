package dev.instructgen.licensing;

import dev.instructgen.dataset.LicenseInfo;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the license blocks of a run's examples add up to: examples per license, commercial use allowed /
 * forbidden / unknown, the union of restrictions and every source. Printed by {@code stats} and written into
 * the dataset card.
 */
public record LicenseSummary(long examples, Map<String, Long> byLicense, long commercialAllowed,
                             long commercialForbidden, long commercialUnknown, List<String> restrictions,
                             List<LicenseInfo.Source> sources) {

    public LicenseSummary {
        byLicense = Map.copyOf(byLicense);
        restrictions = List.copyOf(restrictions);
        sources = List.copyOf(sources);
    }

    public static LicenseSummary of(Iterable<LicenseInfo> blocks) {
        Builder builder = new Builder();
        blocks.forEach(builder::add);
        return builder.build();
    }

    /** Licenses sorted by example count (most first), then by id. */
    public List<Map.Entry<String, Long>> licensesByCount() {
        return byLicense.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    /** The dataset as a whole: false if any example forbids commercial use, null if any is unknown, else true. */
    public Boolean commercialUse() {
        if (commercialForbidden > 0) {
            return Boolean.FALSE;
        }
        return commercialUnknown > 0 || examples == 0 ? null : Boolean.TRUE;
    }

    /** The license analysis in plain words, one sentence or list item per line. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        if (examples == 0) {
            lines.add("No examples were accepted, so there is nothing to license.");
            return lines;
        }
        if (byLicense.size() == 1) {
            String license = byLicense.keySet().iterator().next();
            lines.add((examples == 1 ? "The one example carries" : "All " + examples + " examples carry")
                    + " the license " + license + ".");
        } else {
            lines.add("The " + examples + " examples carry " + byLicense.size() + " different licenses:");
            licensesByCount().forEach(e -> lines.add("- " + e.getKey() + ": " + e.getValue() + " examples"));
        }
        lines.add(commercialSentence());
        if (!restrictions.isEmpty()) {
            lines.add("Obligations carried by the examples:");
            restrictions.forEach(r -> lines.add("- " + RestrictionWords.explain(r)));
        }
        return lines;
    }

    private String commercialSentence() {
        Boolean overall = commercialUse();
        if (Boolean.TRUE.equals(overall)) {
            return "Commercial use is allowed by every source of every example.";
        }
        String counts = "(allowed: " + commercialAllowed + ", forbidden: " + commercialForbidden + ", unknown: "
                + commercialUnknown + " examples)";
        if (Boolean.FALSE.equals(overall)) {
            return "Commercial use is NOT allowed for the dataset as a whole: a source of some examples forbids it "
                    + counts + ".";
        }
        return "Whether commercial use is allowed is unknown: the terms of some source are not known " + counts + ".";
    }

    /** Accumulates license blocks; thread-safe so a writer can feed it as examples are accepted. */
    public static final class Builder {
        private long examples;
        private final Map<String, Long> byLicense = new TreeMap<>();
        private long allowed;
        private long forbidden;
        private long unknown;
        private final Set<String> restrictions = new TreeSet<>();
        private final Set<LicenseInfo.Source> sources = new LinkedHashSet<>();

        public synchronized Builder add(LicenseInfo info) {
            examples++;
            byLicense.merge(info.license() == null ? LicenseCombiner.NOASSERTION : info.license(), 1L, Long::sum);
            if (info.commercialUse() == null) {
                unknown++;
            } else if (info.commercialUse()) {
                allowed++;
            } else {
                forbidden++;
            }
            restrictions.addAll(info.restrictions());
            sources.addAll(info.sources());
            return this;
        }

        public synchronized LicenseSummary build() {
            return new LicenseSummary(examples, byLicense, allowed, forbidden, unknown, List.copyOf(restrictions),
                    List.copyOf(sources));
        }
    }
}
