package dev.instructgen.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The license block stamped on every example (PRODUCT.md): the combined license, whether commercial use is
 * allowed (null when any source's terms are unknown), the obligations carried, and every source.
 */
public record LicenseInfo(
        String license,
        @JsonProperty("commercial_use") @JsonInclude(JsonInclude.Include.ALWAYS) Boolean commercialUse,
        List<String> restrictions,
        List<Source> sources) {

    /** The SPDX expression for "no license could be determined". */
    public static final String NOASSERTION = "NOASSERTION";

    public LicenseInfo {
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /**
     * One source of obligations: a seed set ({@code kind: "seed"}, name, license) or a teacher
     * ({@code kind: "teacher"}, model, terms, url). Fields that do not apply are omitted from JSON.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Source(String kind, String name, String license, String model, String terms, String url) {

        public static Source seed(String name, String license) {
            return new Source("seed", name, license, null, null, null);
        }

        public static Source teacher(String model, String terms, String url) {
            return new Source("teacher", null, null, model, terms, url);
        }
    }
}
