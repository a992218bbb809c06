package dev.instructgen.licensing;

import dev.instructgen.dataset.LicenseInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The propagation rules (docs/licensing.md, "Propagation"): combines the licenses of the seed sources an
 * example descends from with the teacher's terms into the example's license block. A pure function.
 * <ul>
 *   <li>every source is listed: seeds (sorted, distinct) then the teacher;</li>
 *   <li>license: the one seed license, or all of them joined with AND (public-domain dedications dropped when
 *       anything else is present; the strongest first: no-derivatives, share-alike, non-commercial,
 *       attribution); unknown seed licenses add LicenseRef-unknown; NOASSERTION when nothing is known;</li>
 *   <li>restrictions: share-alike, non-commercial, no-derivatives and attribution from the seeds, every teacher
 *       restriction, non-commercial whenever any source forbids commercial use, share-alike-conflict when two
 *       different share-alike licenses meet;</li>
 *   <li>commercial_use: false if any source forbids it, else null if any is unknown, else true;</li>
 *   <li>a parent that is itself a generated example passes on its whole block: its seeds, its teachers, its
 *       restrictions and its commercial answer.</li>
 * </ul>
 */
final class LicenseCombiner {

    static final String NOASSERTION = LicenseInfo.NOASSERTION;
    static final String UNKNOWN_REF = "LicenseRef-unknown";

    private static final Comparator<SeedSource> SEED_ORDER = Comparator
            .comparing(SeedSource::name, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(SeedSource::license, Comparator.nullsLast(Comparator.naturalOrder()));

    private final SpdxCatalog catalog;

    LicenseCombiner(SpdxCatalog catalog) {
        this.catalog = catalog;
    }

    LicenseInfo combine(Collection<SeedSource> seedSources, TeacherTerms teacher) {
        return combine(seedSources, teacher, List.of());
    }

    /**
     * @param teacher   the teacher whose terms join, or null for a record no teacher wrote (a human-written original
     *                  kept as it was): its seeds' licenses alone
     * @param inherited license blocks of parents that are themselves generated examples (evolving an earlier
     *                  run's output): their seed sources join this example's, and their teachers' restrictions
     *                  and commercial answers carry over, so obligations survive every generation.
     */
    LicenseInfo combine(Collection<SeedSource> seedSources, TeacherTerms teacher, Collection<LicenseInfo> inherited) {
        List<SeedSource> seeds = Stream.concat(seedSources.stream(),
                        inherited.stream().flatMap(b -> b.sources().stream())
                                .filter(s -> "seed".equals(s.kind()))
                                .map(s -> new SeedSource(s.name(), s.license())))
                .distinct().sorted(SEED_ORDER).toList();
        Set<String> restrictions = new TreeSet<>();
        Set<String> shareAlikeFamilies = new TreeSet<>();
        List<LicenseFacts> known = new ArrayList<>();
        boolean anyUnknownSeed = false;
        CommercialVerdict commercial = new CommercialVerdict();

        for (SeedSource seed : seeds) {
            if (seed.license() == null) {
                anyUnknownSeed = true;
                commercial.add(null);
                continue;
            }
            LicenseFacts facts = catalog.facts(seed.license());
            if (known.stream().noneMatch(f -> f.id().equals(facts.id()))) {
                known.add(facts);
            }
            commercial.add(facts.commercial());
            if (facts.shareAlike()) {
                restrictions.add("share-alike");
                shareAlikeFamilies.add(facts.family());
            }
            if (Boolean.FALSE.equals(facts.commercial())) {
                restrictions.add("non-commercial");
            }
            if (facts.noDerivatives()) {
                restrictions.add("no-derivatives");
            }
            if (facts.attribution()) {
                restrictions.add("attribution");
            }
        }
        if (teacher != null) {
            restrictions.addAll(teacher.restrictions());
            commercial.add(teacher.commercialUse());
        }
        List<LicenseInfo.Source> earlierTeachers = new ArrayList<>();
        for (LicenseInfo block : inherited) {
            restrictions.addAll(block.restrictions());
            restrictions.remove("share-alike-conflict"); // recomputed below from the merged seeds
            commercial.add(block.commercialUse());
            block.sources().stream().filter(s -> "teacher".equals(s.kind()))
                    .filter(s -> (teacher == null || !s.equals(teacher.toSource())) && !earlierTeachers.contains(s))
                    .forEach(earlierTeachers::add);
        }
        if (Boolean.FALSE.equals(commercial.value())) {
            restrictions.add("non-commercial");
        }
        if (shareAlikeFamilies.size() > 1) {
            restrictions.add("share-alike-conflict");
        }

        List<LicenseInfo.Source> sources = new ArrayList<>();
        seeds.forEach(s -> sources.add(LicenseInfo.Source.seed(s.name(), s.license())));
        sources.addAll(earlierTeachers);
        if (teacher != null) {
            sources.add(teacher.toSource());
        }
        return new LicenseInfo(expression(known, anyUnknownSeed), commercial.value(), List.copyOf(restrictions),
                sources);
    }

    private static String expression(List<LicenseFacts> known, boolean anyUnknownSeed) {
        List<LicenseFacts> parts = new ArrayList<>(known);
        if (parts.size() > 1 || anyUnknownSeed) {
            // A waiver imposes nothing, so it adds nothing to a combination.
            parts.removeIf(LicenseFacts::publicDomain);
            if (parts.isEmpty() && !known.isEmpty()) {
                parts.add(known.get(0));
            }
        }
        parts.sort(Comparator.comparingInt(LicenseCombiner::strength).reversed().thenComparing(LicenseFacts::id));
        List<String> ids = new ArrayList<>(parts.stream().map(LicenseFacts::id).toList());
        if (anyUnknownSeed) {
            if (ids.isEmpty()) {
                return NOASSERTION;
            }
            ids.add(UNKNOWN_REF);
        }
        return ids.isEmpty() ? NOASSERTION : String.join(" AND ", ids);
    }

    private static int strength(LicenseFacts f) {
        return (f.noDerivatives() ? 8 : 0) + (f.shareAlike() ? 4 : 0)
                + (Boolean.FALSE.equals(f.commercial()) ? 2 : 0) + (f.attribution() ? 1 : 0);
    }

    /** false beats null beats true: one forbidding source decides, one unknown source leaves it open. */
    private static final class CommercialVerdict {
        private boolean anyFalse;
        private boolean anyNull;

        void add(Boolean allowed) {
            if (allowed == null) {
                anyNull = true;
            } else if (!allowed) {
                anyFalse = true;
            }
        }

        Boolean value() {
            return anyFalse ? Boolean.FALSE : anyNull ? null : Boolean.TRUE;
        }
    }
}
