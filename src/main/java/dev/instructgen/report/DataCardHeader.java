package dev.instructgen.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.instructgen.licensing.LicenseSummary;
import dev.instructgen.licensing.SpdxCatalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Hugging Face YAML header for the cards of commands that are not teacher runs ({@code mix},
 * {@code template}): the same license rule and size categories as {@link DatasetCard}'s header, with the
 * command's own tags.
 */
public final class DataCardHeader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));

    private final CardFrontMatter frontMatter = new CardFrontMatter(SpdxCatalog.shipped());

    public String render(LicenseSummary licenses, long records, List<String> tags, String prettyName) {
        Map<String, Object> header = new LinkedHashMap<>();
        String license = frontMatter.huggingFaceLicense(licenses);
        header.put("license", license);
        if ("other".equals(license)) {
            header.put("license_name", String.join(" or ", licenses.licensesByCount().stream()
                    .map(Map.Entry::getKey).toList()).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9.]+", "-").replaceAll("^-|-$", ""));
        }
        header.put("language", List.of("en"));
        header.put("size_categories", List.of(CardFrontMatter.sizeCategory(records)));
        header.put("task_categories", List.of("text-generation"));
        header.put("tags", tags);
        header.put("pretty_name", prettyName);
        try {
            return "---\n" + YAML.writeValueAsString(header) + "---\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dataset card header could not be written", e);
        }
    }
}
