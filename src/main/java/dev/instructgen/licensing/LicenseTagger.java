package dev.instructgen.licensing;

import dev.instructgen.dataset.LicenseInfo;
import java.util.Collection;
import java.util.List;

/**
 * Computes an example's license block from the seed sources it descends from (parents and in-context seeds)
 * and the run's teacher terms. Thread-safe.
 */
public interface LicenseTagger {

    LicenseInfo tag(Collection<SeedSource> seedSources);

    /**
     * The block of an example whose parents include generated examples (evolving an earlier run's output): their
     * license blocks are inherited whole. Taggers that cannot combine blocks fall back to the seed sources alone.
     */
    default LicenseInfo tag(Collection<SeedSource> seedSources, Collection<LicenseInfo> inheritedBlocks) {
        return tag(seedSources);
    }

    /**
     * The block of a record no teacher wrote (a human-written original kept as it was, e.g. Evol-Instruct's
     * --keep-originals): the seed sources' licenses alone, without the run's teacher terms. Taggers that know no
     * teacher terms need not implement it.
     */
    default LicenseInfo tagWithoutTeacher(Collection<SeedSource> seedSources) {
        return tag(seedSources);
    }

    /**
     * The block of an example a second model helped write (the answer pass's model, {@code --answer-model}): that
     * model's terms join the run teacher's, with their restrictions and their commercial answer, as a parent's
     * teacher would. Terms equal to the run teacher's add nothing.
     */
    default LicenseInfo tagWithSecondTeacher(Collection<SeedSource> seedSources, TeacherTerms secondTeacher) {
        return tag(seedSources, List.of(new LicenseInfo(null, secondTeacher.commercialUse(),
                secondTeacher.restrictions(), List.of(secondTeacher.toSource()))));
    }
}
