package dev.instructgen.licensing;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;

/** The shape of licensing/teacher-terms.yaml (format in docs/licensing.md). */
record PolicyFile(String version, String checked, Map<String, TermsDoc> terms, List<RuleDoc> rules) {

    record TermsDoc(String name, String url, @JsonProperty("commercial_use") Boolean commercialUse,
                    List<String> restrictions, String source, String checked, String note) {
    }

    record RuleDoc(String family, String match, String host, String terms, String note) {
    }
}
