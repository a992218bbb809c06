package dev.instructgen.licensing;

import dev.instructgen.error.BadInputException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code --require-commercial}: refuses to start, before any teacher request, when any seed license or the
 * teacher's terms forbid commercial use or are unknown. The message names every offending source.
 */
public final class CommercialUseGate {

    private static final String FLAG = "--require-commercial: ";

    private final SpdxCatalog catalog;

    public CommercialUseGate(SpdxCatalog catalog) {
        this.catalog = catalog;
    }

    public CommercialUseGate() {
        this(SpdxCatalog.shipped());
    }

    /**
     * @throws BadInputException (exit 2) naming each source that forbids commercial use or whose terms are unknown
     */
    public void check(Collection<SeedSource> seedSources, TeacherTerms teacher) {
        List<String> problems = new ArrayList<>();
        for (SeedSource seed : new LinkedHashSet<>(seedSources)) {
            seedProblem(seed).ifPresent(problems::add);
        }
        teacherProblem(teacher).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new BadInputException(FLAG + String.join("; ", problems));
        }
    }

    private Optional<String> seedProblem(SeedSource seed) {
        String set = "seed set '" + seed.name() + "'";
        if (seed.license() == null) {
            return Optional.of(set + " has no known license (give --seeds-license SPDX, or put the id in "
                    + seed.name() + ".license)");
        }
        Boolean commercial = catalog.facts(seed.license()).commercial();
        if (commercial == null) {
            return Optional.of(set + " is " + seed.license()
                    + ", whose terms for commercial use are unknown");
        }
        if (!commercial) {
            return Optional.of(set + " is " + seed.license() + ", which forbids commercial use");
        }
        return Optional.empty();
    }

    private static Optional<String> teacherProblem(TeacherTerms teacher) {
        String who = "teacher '" + teacher.model() + "'";
        if (teacher.isUnknown()) {
            boolean ruleMatched = !TeacherTerms.UNKNOWN.equals(teacher.family()) && teacher.note() != null;
            return Optional.of("the terms of " + who + " are unknown"
                    + (ruleMatched ? " (" + teacher.note() + ")" : "")
                    + "; add an entry under licensing.teacher-terms in the config (see docs/licensing.md)");
        }
        String terms = teacher.name() + (teacher.url() == null ? "" : " (" + teacher.url() + ")");
        if (teacher.commercialUse() == null) {
            return Optional.of(who + " is under " + terms + ", which does not establish whether commercial"
                    + " use is allowed" + (teacher.note() == null ? "" : ": " + teacher.note()));
        }
        if (!teacher.commercialUse()) {
            return Optional.of(who + " is under " + terms + ", which forbids commercial use");
        }
        return Optional.empty();
    }
}
