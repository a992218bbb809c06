package dev.instructgen.licensing;

/**
 * What a seed license means for derived examples (one row of licensing/seed-licenses.yaml).
 *
 * @param commercial     whether commercial use is allowed; null when not known (LicenseRef-* ids)
 * @param attribution    redistribution must credit the source
 * @param shareAlike     adaptations must carry the same or a compatible license
 * @param noDerivatives  adaptations may not be shared
 * @param publicDomain   a waiver or dedication that imposes nothing
 * @param huggingFaceId  the Hugging Face dataset card license identifier, "other" when there is none
 */
public record LicenseFacts(String id, String name, Boolean commercial, boolean attribution, boolean shareAlike,
                           boolean noDerivatives, boolean publicDomain, String huggingFaceId) {

    /** Facts for an id the catalog does not describe (a LicenseRef-*): nothing is assumed. */
    static LicenseFacts unknown(String id) {
        return new LicenseFacts(id, id, null, false, false, false, false, "other");
    }

    /** The license family without its version, e.g. "CC-BY-SA" for CC-BY-SA-3.0: share-alike compatibility. */
    String family() {
        return id.replaceAll("-(\\d+(\\.\\d+)*)(-only|-or-later)?$", "");
    }
}
