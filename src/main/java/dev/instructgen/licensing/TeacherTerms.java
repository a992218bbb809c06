package dev.instructgen.licensing;

import dev.instructgen.dataset.LicenseInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The terms that govern a teacher's outputs, as the policy table states them for one model.
 *
 * @param model         the model name as the user wrote it
 * @param family        the matched rule's family, e.g. "Llama 3.1"; "unknown" when no rule matched
 * @param termsId       the id of the terms entry in the policy table ("unknown" when none)
 * @param name          the terms' name, e.g. "Llama 3.1 Community License Agreement"
 * @param url           where the terms are published; null when unknown
 * @param commercialUse true / false, or null when the table does not establish it
 * @param restrictions  obligations carried to every example (vocabulary in docs/licensing.md)
 * @param source        the document the entry was checked against
 * @param checked       when the entry was last checked
 * @param note          remarks, e.g. why an entry is unknown
 */
public record TeacherTerms(String model, String family, String termsId, String name, String url,
                           Boolean commercialUse, List<String> restrictions, String source, LocalDate checked,
                           String note) {

    public static final String UNKNOWN = "unknown";

    public TeacherTerms {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(termsId, "termsId");
        Objects.requireNonNull(name, "name");
        restrictions = restrictions == null ? List.of() : List.copyOf(restrictions);
    }

    public boolean isUnknown() {
        return UNKNOWN.equals(termsId);
    }

    /** This teacher as a source in an example's license block. */
    public LicenseInfo.Source toSource() {
        return LicenseInfo.Source.teacher(model, name, url);
    }
}
