package dev.instructgen.report;

import dev.instructgen.dataset.LicenseInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import dev.instructgen.licensing.LicenseSummary;
import dev.instructgen.licensing.SpdxCatalog;
import dev.instructgen.report.CardFacts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The YAML header of a Hugging Face dataset card: license (Hugging Face identifiers), language, size category,
 * task categories and tags. Written by a YAML library, so whatever the facts contain, the header parses.
 */
final class CardFrontMatter {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    /** Upper bounds of Hugging Face's size_categories, with their labels. */
    private static final long[] SIZE_BOUNDS = {1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
            1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L};
    private static final String[] SIZE_LABELS = {"n<1K", "1K<n<10K", "10K<n<100K", "100K<n<1M", "1M<n<10M",
            "10M<n<100M", "100M<n<1B", "1B<n<10B", "10B<n<100B", "100B<n<1T"};

    private final SpdxCatalog catalog;

    CardFrontMatter(SpdxCatalog catalog) {
        this.catalog = catalog;
    }

    String render(CardFacts facts, List<MethodCard> methods) {
        Map<String, Object> header = new LinkedHashMap<>();
        String hfLicense = huggingFaceLicense(facts.licenseSummary());
        header.put("license", hfLicense);
        if ("other".equals(hfLicense)) {
            header.put("license_name", licenseSlug(facts.licenseSummary()));
        }
        header.put("language", facts.languages());
        header.put("size_categories", List.of(sizeCategory(facts.accepted())));
        header.put("task_categories", List.of("text-generation"));
        List<String> tags = new ArrayList<>();
        tags.add("synthetic");
        methods.forEach(m -> tags.add(m.code()));
        tags.add("instructgen");
        header.put("tags", tags);
        header.put("pretty_name", "instructgen " + facts.command() + " run " + facts.runId());
        try {
            return "---\n" + YAML.writeValueAsString(header) + "---\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dataset card header could not be written", e);
        }
    }

    /**
     * One license for the whole dataset when every example carries the same single id Hugging Face knows;
     * "unknown" when nothing is asserted; "other" otherwise (combinations and mixed sets, explained in the body).
     */
    String huggingFaceLicense(LicenseSummary summary) {
        if (summary.byLicense().size() != 1) {
            return summary.examples() == 0 ? "unknown" : "other";
        }
        String expression = summary.byLicense().keySet().iterator().next();
        if (LicenseInfo.NOASSERTION.equals(expression)) {
            return "unknown";
        }
        if (expression.contains(" ") || !catalog.isKnown(expression)) {
            return "other";
        }
        return catalog.facts(expression).huggingFaceId();
    }

    static String sizeCategory(long count) {
        for (int i = 0; i < SIZE_BOUNDS.length; i++) {
            if (count < SIZE_BOUNDS[i]) {
                return SIZE_LABELS[i];
            }
        }
        return "n>1T";
    }

    private static String licenseSlug(LicenseSummary summary) {
        String joined = String.join(" or ", summary.licensesByCount().stream().map(Map.Entry::getKey).toList());
        return joined.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-|-$", "");
    }
}
