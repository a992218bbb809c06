package dev.instructgen.licensing;

import dev.instructgen.dataset.LicenseInfo;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's {@link LicenseTagger}: applies {@link LicenseCombiner}'s propagation rules for one teacher.
 * Examples share few combinations of seed sources (seed sets, not seed records), so results are memoised per
 * set of sources; the cache is bounded so that a pathological input cannot grow it without limit.
 */
public final class CombiningLicenseTagger implements LicenseTagger {

    private static final int MAX_CACHED = 4096;

    private final TeacherTerms teacher;
    private final LicenseCombiner combiner;
    private final Map<Set<SeedSource>, LicenseInfo> cache = new ConcurrentHashMap<>();
    private final Map<InheritedKey, LicenseInfo> inheritedCache = new ConcurrentHashMap<>();

    private record InheritedKey(Set<SeedSource> seeds, Set<LicenseInfo> inherited) {
    }

    public CombiningLicenseTagger(TeacherTerms teacher, SpdxCatalog catalog) {
        this.teacher = Objects.requireNonNull(teacher, "teacher");
        this.combiner = new LicenseCombiner(catalog);
    }

    public CombiningLicenseTagger(TeacherTerms teacher) {
        this(teacher, SpdxCatalog.shipped());
    }

    @Override
    public LicenseInfo tag(Collection<SeedSource> seedSources) {
        Set<SeedSource> key = Set.copyOf(seedSources);
        LicenseInfo cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        LicenseInfo info = combiner.combine(key, teacher);
        if (cache.size() < MAX_CACHED) {
            cache.putIfAbsent(key, info);
        }
        return info;
    }

    /**
     * The block of an example whose parents include generated examples (e.g. evolving an earlier run's output):
     * their license blocks are inherited whole, see {@link LicenseCombiner}.
     */
    @Override
    public LicenseInfo tag(Collection<SeedSource> seedSources, Collection<LicenseInfo> inheritedBlocks) {
        if (inheritedBlocks.isEmpty()) {
            return tag(seedSources);
        }
        InheritedKey key = new InheritedKey(Set.copyOf(seedSources), Set.copyOf(inheritedBlocks));
        LicenseInfo cached = inheritedCache.get(key);
        if (cached != null) {
            return cached;
        }
        LicenseInfo info = combiner.combine(key.seeds(), teacher, key.inherited());
        if (inheritedCache.size() < MAX_CACHED) {
            inheritedCache.putIfAbsent(key, info);
        }
        return info;
    }

    @Override
    public LicenseInfo tagWithoutTeacher(Collection<SeedSource> seedSources) {
        return combiner.combine(Set.copyOf(seedSources), null);
    }

    public TeacherTerms teacher() {
        return teacher;
    }
}
