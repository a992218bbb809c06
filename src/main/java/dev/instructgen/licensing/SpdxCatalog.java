package dev.instructgen.licensing;

import dev.instructgen.text.ClosestMatch;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.instructgen.error.BadInputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SPDX license ids instructgen accepts for seed data, with their facts (licensing/seed-licenses.yaml).
 * Ids are matched case-insensitively and returned in their canonical spelling; {@code LicenseRef-*} ids are
 * accepted as they are (their facts are unknown); anything else is a typo, reported with the closest id.
 */
public final class SpdxCatalog {

    private static final Pattern LICENSE_REF = Pattern.compile("LicenseRef-[A-Za-z0-9.\\-]+");

    private static final class Shipped {
        static final SpdxCatalog INSTANCE = new SpdxCatalog(ShippedYaml.read("seed-licenses.yaml", File.class));
    }

    private final Map<String, LicenseFacts> byId = new LinkedHashMap<>();
    /** Upper-cased id or alias to canonical id. */
    private final Map<String, String> lookup = new LinkedHashMap<>();

    private SpdxCatalog(File file) {
        for (Entry e : file.licenses) {
            LicenseFacts facts = new LicenseFacts(e.id, e.name, e.commercial, e.attribution, e.shareAlike,
                    e.noDerivatives, e.publicDomain, e.hf == null ? "other" : e.hf);
            byId.put(e.id, facts);
            lookup.put(key(e.id), e.id);
            for (String alias : e.aliases) {
                lookup.put(key(alias), e.id);
            }
        }
    }

    /** The catalog shipped with instructgen; immutable, loaded once. */
    public static SpdxCatalog shipped() {
        return Shipped.INSTANCE;
    }

    /**
     * The canonical spelling of a license id, or a {@link BadInputException} naming the closest known id.
     *
     * @param where what the id came from, for the message ("--seeds-license", "seeds.jsonl.license line 1")
     */
    /** Far above the longest SPDX id (about 40 characters) or a LicenseRef- name anyone writes. */
    static final int MAX_ID_LENGTH = 200;

    public String canonical(String id, String where) {
        String trimmed = id == null ? "" : id.strip();
        if (trimmed.isEmpty()) {
            throw new BadInputException(where + ": empty license id; expected an SPDX id such as CC-BY-4.0, "
                    + "or LicenseRef-<name>");
        }
        if (trimmed.length() > MAX_ID_LENGTH) { // fail fast: the typo search below is quadratic in the length
            throw new BadInputException(where + ": a license id of " + trimmed.length() + " characters; expected an "
                    + "SPDX id such as CC-BY-4.0 (at most " + MAX_ID_LENGTH + " characters), or LicenseRef-<name>");
        }
        String known = lookup.get(key(trimmed));
        if (known != null) {
            return known;
        }
        if (LICENSE_REF.matcher(trimmed).matches()) {
            return trimmed;
        }
        throw new BadInputException(where + ": unknown SPDX license '" + trimmed + "'" + suggestion(trimmed));
    }

    /** Facts about a canonical id; unknown facts (commercial null) for LicenseRef-* and ids not in the catalog. */
    public LicenseFacts facts(String canonicalId) {
        LicenseFacts facts = byId.get(canonicalId);
        return facts != null ? facts : LicenseFacts.unknown(canonicalId);
    }

    public boolean isKnown(String canonicalId) {
        return byId.containsKey(canonicalId);
    }

    /** Every canonical id, in catalog order. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    Optional<String> closest(String id) {
        String wanted = key(id);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String candidate : lookup.keySet()) {
            int score = Math.min(ClosestMatch.distance(wanted, candidate),
                    ClosestMatch.distance(squeeze(wanted), squeeze(candidate)));
            if (score < bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        // Only suggest what is plausibly a typo, not the least bad of unrelated ids.
        if (best == null || bestScore > Math.max(2, wanted.length() / 3)) {
            return Optional.empty();
        }
        return Optional.of(lookup.get(best));
    }

    private String suggestion(String id) {
        return closest(id).map(c -> "; did you mean " + c + "?")
                .orElse("; expected an SPDX id such as CC-BY-4.0, Apache-2.0 or MIT, or LicenseRef-<name>");
    }

    private static String key(String id) {
        return id.toUpperCase(Locale.ROOT);
    }

    /** Without separators, so "CCBYSA30" and "CC-BY-SA-3.0" compare close. */
    private static String squeeze(String id) {
        return id.replaceAll("[^A-Z0-9]", "");
    }

    record File(int version, List<Entry> licenses) {
    }

    record Entry(String id, String name, Boolean commercial, boolean attribution,
                 @JsonProperty("share_alike") boolean shareAlike,
                 @JsonProperty("no_derivatives") boolean noDerivatives,
                 @JsonProperty("public_domain") boolean publicDomain,
                 String hf, List<String> aliases) {
        Entry {
            aliases = aliases == null ? List.of() : aliases;
        }
    }
}
