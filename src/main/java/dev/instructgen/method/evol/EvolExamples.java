package dev.instructgen.method.evol;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.licensing.LicenseTagger;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.teacher.TeacherIdentity;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the example records of an Evol-Instruct run: evolved examples with their lineage (parent id, round,
 * operation) and the license of the seed set their root came from, and, with --keep-originals, the inputs
 * themselves as {@code method: seed}.
 */
public final class EvolExamples {

    private final String runId;
    private final Clock clock;
    private final Provenance.TeacherRef teacher;
    private final LicenseTagger licenses;
    private final Function<String, Provenance.TeacherRef> teacherOf;
    private final Function<String, LicenseTagger> licensesOf;

    public EvolExamples(String runId, Clock clock, TeacherIdentity teacher, LicenseTagger licenses) {
        this(runId, clock, teacher, licenses, null, null);
    }

    /**
     * @param teacherOf  the teacher recorded for a response written by a pool endpoint (null: the run's)
     * @param licensesOf the license tagger for a response written by a pool endpoint (null: the run's)
     */
    public EvolExamples(String runId, Clock clock, TeacherIdentity teacher, LicenseTagger licenses,
                        Function<String, Provenance.TeacherRef> teacherOf, Function<String, LicenseTagger> licensesOf) {
        this.runId = runId;
        this.clock = clock;
        this.teacher = Provenance.TeacherRef.of(teacher);
        this.licenses = licenses;
        this.teacherOf = teacherOf;
        this.licensesOf = licensesOf;
    }

    public Example evolved(Lineage lineage, Attempt.Evolved a) {
        String id = lineage.childId(a.round());
        Provenance.Novelty novelty = a.novelty() == null ? null
                : new Provenance.Novelty(a.novelty().score(), a.novelty().mostSimilarId());
        boolean pooled = a.endpoint() != null && teacherOf != null;
        Provenance p = new Provenance(runId, now(), pooled ? teacherOf.apply(a.endpoint()) : teacher, a.prompts(),
                List.of(lineage.currentId()), new Provenance.Evolution(a.round(), a.operation().key()), novelty,
                Provenance.Usage.of(a.usage()), a.quality()).withEndpoint(a.endpoint());
        LicenseTagger tagger = pooled ? licensesOf.apply(a.endpoint()) : licenses;
        return new Example(id, a.instruction(), "", a.response(), MethodId.EVOL_INSTRUCT, id, false, p,
                tagger.tag(ownSources(lineage), inheritedOf(lineage.inherited())));
    }

    /**
     * An input kept as it was; no teacher of this run wrote it, so no teacher or prompts in its provenance, a
     * human-written input carries its seed set's license alone (not this run's teacher terms), and a generated
     * input keeps its own license block unchanged.
     */
    public Example original(EvolInput input) {
        Provenance p = new Provenance(runId, now(), null, null, List.of(), null, null, null);
        LicenseInfo license = input.inherited() != null ? input.inherited()
                : licenses.tagWithoutTeacher(List.of(input.source()));
        return new Example(input.id(), input.instruction(), input.input(), input.output(), MethodId.SEED,
                input.id(), input.isClassification(), p, license);
    }

    /**
     * The input file as a seed source, unless the input is itself generated: its inherited block already names
     * the seed sets it came from, and the file (an earlier run's examples.jsonl) is not a seed set.
     */
    private static List<SeedSource> ownSources(Lineage lineage) {
        return lineage.inherited() == null ? List.of(lineage.source()) : List.of();
    }

    private static List<LicenseInfo> inheritedOf(LicenseInfo block) {
        return block == null ? List.of() : List.of(block);
    }

    public String now() {
        return Provenance.timestamp(clock);
    }
}
