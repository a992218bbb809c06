package dev.instructgen.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.licensing.LicenseSummary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The license side of an export card and of {@code stats}: feeds each example's license block to the
 * licensing package's {@link LicenseSummary} (which owns the rules: what "commercial use" means for a set,
 * how restrictions read in plain words) and shapes the result as JSON and as a Markdown card.
 */
public final class LicenseTally {

    private final LicenseSummary.Builder builder = new LicenseSummary.Builder();

    public void add(LicenseInfo license) {
        builder.add(license);
    }

    /** "yes", "no", or "unknown" (any record's terms unknown, or no records at all). */
    public String commercialUse() {
        return words(builder.build().commercialUse());
    }

    /** The tally as a JSON-ready value (for {@code stats --json}). */
    public Summary summary() {
        LicenseSummary s = builder.build();
        Map<String, Long> byLicense = new LinkedHashMap<>();
        s.licensesByCount().forEach(e -> byLicense.put(e.getKey(), e.getValue()));
        Map<String, Long> commercial = new LinkedHashMap<>();
        commercial.put("yes", s.commercialAllowed());
        commercial.put("no", s.commercialForbidden());
        commercial.put("unknown", s.commercialUnknown());
        return new Summary(s.examples(), Collections.unmodifiableMap(byLicense), words(s.commercialUse()),
                Collections.unmodifiableMap(commercial), s.restrictions(),
                s.sources().stream().map(LicenseTally::describe).distinct().toList());
    }

    /** JSON shape of a tally. */
    public record Summary(long records,
                          @JsonProperty("by_license") Map<String, Long> byLicense,
                          @JsonProperty("commercial_use") String commercialUse,
                          @JsonProperty("commercial_use_records") Map<String, Long> commercialUseRecords,
                          List<String> restrictions,
                          List<String> sources) {
    }

    /** A Markdown card: per-license counts, the commercial-use verdict, what the restrictions mean, sources. */
    public String toMarkdown(String title, String origin) {
        LicenseSummary s = builder.build();
        Summary shaped = summary();
        List<String> lines = new ArrayList<>();
        lines.add("# " + title);
        lines.add("");
        lines.add(origin);
        lines.add("");
        lines.add("| license | records |");
        lines.add("|---|---:|");
        shaped.byLicense().forEach((license, count) -> lines.add("| " + license + " | " + count + " |"));
        lines.add("");
        lines.add("**Commercial use: " + shaped.commercialUse() + "** (allowed for " + s.commercialAllowed()
                + ", forbidden for " + s.commercialForbidden() + ", unknown for " + s.commercialUnknown()
                + " records)");
        lines.add("");
        lines.add("## In plain words");
        lines.add("");
        lines.addAll(s.describe());
        lines.add("");
        lines.add("## Sources");
        lines.add("");
        if (shaped.sources().isEmpty()) {
            lines.add("None recorded.");
        } else {
            shaped.sources().forEach(source -> lines.add("- " + source));
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

    private static String words(Boolean commercialUse) {
        return commercialUse == null ? "unknown" : commercialUse ? "yes" : "no";
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }
}
