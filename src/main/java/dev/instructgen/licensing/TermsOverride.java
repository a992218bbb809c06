package dev.instructgen.licensing;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * One user entry of {@code licensing.teacher-terms} in the config file: a rule placed before the shipped ones.
 * Either {@code terms} names a shipped terms entry (e.g. "apache-2.0"), or {@code name} (and the other fields)
 * describe the terms inline. At least one of {@code match} and {@code host} is required.
 *
 * @param match  regular expression matched against the start of the normalised model name
 * @param host   host name, or a suffix starting with '.', the teacher must be served from
 * @param family label shown in manifests and cards; defaults to the pattern or host
 */
public record TermsOverride(String match, String host, String family, String terms, String name, String url,
                            @JsonProperty("commercial_use") Boolean commercialUse, List<String> restrictions,
                            String source, String checked, String note) {

    /** An inline override for a model pattern. */
    public static TermsOverride inline(String match, String name, String url, Boolean commercialUse,
                                       List<String> restrictions) {
        return new TermsOverride(match, null, null, null, name, url, commercialUse, restrictions, null, null, null);
    }

    /** Maps a model pattern to a shipped terms entry. */
    public static TermsOverride toShipped(String match, String termsId) {
        return new TermsOverride(match, null, null, termsId, null, null, null, null, null, null, null);
    }
}
