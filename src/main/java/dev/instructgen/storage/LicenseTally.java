package dev.instructgen.storage;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.instructgen.licensing.LicenseInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Adds up the license blocks of a set of examples: records per license, commercial use yes/no/unknown,
 * the union of restrictions and every source. Small on purpose: it only reads what each example already
 * says (the combination rules live in the licensing package). Not thread-safe.
 */
public final class LicenseTally {

    static final String UNKNOWN = "unknown";

    private long records;
    private final Map<String, Long> byLicense = new TreeMap<>();
    private long commercialAllowed;
    private long commercialForbidden;
    private long commercialUnknown;
    private final Set<String> restrictions = new TreeSet<>();
    private final Set<String> sources = new TreeSet<>();

    public void add(LicenseInfo license) {
        records++;
        String id = license == null || license.license() == null || license.license().isBlank()
                ? UNKNOWN : license.license();
        byLicense.merge(id, 1L, Long::sum);
        Boolean commercial = license == null ? null : license.commercialUse();
        if (commercial == null) {
            commercialUnknown++;
        } else if (commercial) {
            commercialAllowed++;
        } else {
            commercialForbidden++;
        }
        if (license != null) {
            restrictions.addAll(license.restrictions());
            license.sources().forEach(source -> sources.add(describe(source)));
        }
    }

    public long records() {
        return records;
    }

    /**
     * For the whole set: "no" when any record forbids commercial use, "unknown" when any record's terms are
     * unknown (or there are no records), else "yes".
     */
    public String commercialUse() {
        if (commercialForbidden > 0) {
            return "no";
        }
        if (commercialUnknown > 0 || records == 0) {
            return UNKNOWN;
        }
        return "yes";
    }

    /** The tally as a JSON-ready value (for {@code stats --json}). */
    public Summary summary() {
        Map<String, Long> commercial = new LinkedHashMap<>();
        commercial.put("yes", commercialAllowed);
        commercial.put("no", commercialForbidden);
        commercial.put(UNKNOWN, commercialUnknown);
        return new Summary(records, Collections.unmodifiableMap(new LinkedHashMap<>(byLicense)), commercialUse(),
                Collections.unmodifiableMap(commercial), List.copyOf(restrictions), List.copyOf(sources));
    }

    /** JSON shape of a tally. */
    public record Summary(long records,
                          @JsonProperty("by_license") Map<String, Long> byLicense,
                          @JsonProperty("commercial_use") String commercialUse,
                          @JsonProperty("commercial_use_records") Map<String, Long> commercialUseRecords,
                          List<String> restrictions,
                          List<String> sources) {
    }

    /** A Markdown card: per-license counts, the commercial-use verdict, restrictions and sources. */
    public String toMarkdown(String title, String origin) {
        List<String> lines = new ArrayList<>();
        lines.add("# " + title);
        lines.add("");
        lines.add(origin);
        lines.add("");
        lines.add("| license | records |");
        lines.add("|---|---:|");
        byLicense.forEach((license, count) -> lines.add("| " + license + " | " + count + " |"));
        lines.add("");
        lines.add("**Commercial use: " + commercialUse() + "** (allowed for " + commercialAllowed
                + ", forbidden for " + commercialForbidden + ", unknown for " + commercialUnknown + " records)");
        lines.add("");
        lines.add("## Restrictions");
        lines.add("");
        if (restrictions.isEmpty()) {
            lines.add("None recorded.");
        } else {
            restrictions.forEach(r -> lines.add("- " + r));
        }
        lines.add("");
        lines.add("## Sources");
        lines.add("");
        if (sources.isEmpty()) {
            lines.add("None recorded.");
        } else {
            sources.forEach(s -> lines.add("- " + s));
        }
        lines.add("");
        lines.add("Built from the license block of every exported record. Check the terms of each source "
                + "yourself before relying on this summary; it is not legal advice.");
        lines.add("");
        return String.join("\n", lines);
    }

    static String describe(LicenseInfo.Source source) {
        if ("teacher".equals(source.kind())) {
            StringBuilder text = new StringBuilder("teacher ").append(orUnknown(source.model()))
                    .append(" (terms: ").append(orUnknown(source.terms()));
            if (source.url() != null) {
                text.append(", ").append(source.url());
            }
            return text.append(")").toString();
        }
        String kind = source.kind() == null ? "source" : source.kind();
        return kind + " " + orUnknown(source.name()) + " (license: " + orUnknown(source.license()) + ")";
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }
}
