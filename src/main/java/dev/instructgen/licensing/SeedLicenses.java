package dev.instructgen.licensing;

import dev.instructgen.dataset.SeedTask;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seed licenses of one seed file, resolved once: either one license for the whole set (from the flag or
 * the sidecar file), or each record's own license (mixed sets), or unknown. Thread-safe.
 */
public final class SeedLicenses {

    /** Where the license came from, in order of precedence. */
    public enum Origin { FLAG, SIDECAR, RECORDS, UNKNOWN }

    private final String setName;
    private final Origin origin;
    private final String setLicense;
    private final SpdxCatalog catalog;
    /** Per-record raw license value to canonical id, filled as records are resolved. */
    private final Map<String, String> canonicalByRaw = new ConcurrentHashMap<>();
    private final List<SeedSource> sources;

    SeedLicenses(String setName, Origin origin, String setLicense, SpdxCatalog catalog, List<SeedTask> tasks) {
        this.setName = setName;
        this.origin = origin;
        this.setLicense = setLicense;
        this.catalog = catalog;
        Set<SeedSource> seen = new LinkedHashSet<>();
        for (SeedTask task : tasks) {
            seen.add(sourceOf(task));
        }
        if (seen.isEmpty()) {
            seen.add(new SeedSource(setName, setLicense));
        }
        this.sources = List.copyOf(new ArrayList<>(seen));
    }

    public String setName() {
        return setName;
    }

    public Origin origin() {
        return origin;
    }

    /** The seed source a task descends from: the set's license, or the record's own when licenses are per record. */
    public SeedSource sourceOf(SeedTask task) {
        if (origin != Origin.RECORDS) {
            return new SeedSource(setName, setLicense);
        }
        String raw = task.license();
        if (raw == null || raw.isBlank()) {
            return new SeedSource(setName, null);
        }
        String canonical = canonicalByRaw.computeIfAbsent(raw,
                r -> catalog.canonical(r, setName + " line " + task.line() + ": license"));
        return new SeedSource(setName, canonical);
    }

    /** Every distinct seed source of the set, in first-seen order: what the commercial-use gate checks. */
    public List<SeedSource> sources() {
        return sources;
    }
}
