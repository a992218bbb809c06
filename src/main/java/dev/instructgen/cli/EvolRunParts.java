package dev.instructgen.cli;

import dev.instructgen.dataset.Provenance;
import dev.instructgen.licensing.CombiningLicenseTagger;
import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.pipeline.CostModel;
import dev.instructgen.pipeline.JournalOpener;
import dev.instructgen.pipeline.RejectedCandidate;
import dev.instructgen.pipeline.RunAssembly;
import dev.instructgen.pipeline.RunJournal;
import dev.instructgen.pipeline.RunSpec;
import dev.instructgen.pipeline.StatsSnapshot;
import dev.instructgen.prompt.PromptTemplate;
import dev.instructgen.storage.Manifest;
import dev.instructgen.storage.Rejection;
import dev.instructgen.storage.RunDirectory;
import dev.instructgen.storage.SeedFileRef;
import dev.instructgen.teacher.TeacherStack;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The production parts of an evol-instruct run: the teacher stack, the run directory as the run's journal
 * (manifest with settings, template hashes and input hash, so a rerun resumes or refuses), the license tagger
 * for the teacher's terms. Local and hosted prices are not modelled here yet: the cost estimate is 0.
 */
final class EvolRunParts {

    private EvolRunParts() {
    }

    static RunAssembly.Parts production(TeacherTerms terms, List<PromptTemplate> templates, Clock clock,
                                        Consumer<String> warnings) {
        return new RunAssembly.Parts(
                (settings, metrics) -> TeacherStack.build(settings, metrics, System::getenv),
                runDirectory(templates, clock),
                identity -> CostModel.FREE,
                identity -> new CombiningLicenseTagger(terms),
                clock,
                warnings);
    }

    /** Opens (or resumes) the run directory named by the spec. */
    static JournalOpener runDirectory(List<PromptTemplate> templates, Clock clock) {
        return (spec, freshRunId, startedAt) -> {
            Map<String, String> promptHashes = new LinkedHashMap<>();
            templates.forEach(t -> promptHashes.put(t.name(), t.sha256()));
            var teacher = spec.teacher();
            Manifest requested = new Manifest(VersionProvider.version(), spec.command(), freshRunId, spec.settings(),
                    spec.limits(), seedRef(spec.seeds()), promptHashes,
                    new Provenance.TeacherRef(teacher.api().wireName(), teacher.model(), teacher.host()),
                    spec.licensePolicy(), startedAt, spec.randomSeed());
            RunDirectory dir = RunDirectory.openOrCreate(spec.out(), requested, clock);
            return new RunJournal.Opened(new DirectoryJournal(dir), dir.manifest().runId(), dir.resumed(),
                    dir.restoredExamples(), dir.restoredRejectionCounts(), dir.previousStats().orElse(null));
        };
    }

    private static SeedFileRef seedRef(RunSpec.SeedRef seeds) {
        return seeds == null ? null : new SeedFileRef(seeds.path(), seeds.sha256());
    }

    /** The run directory seen as the engine's journal. */
    private record DirectoryJournal(RunDirectory dir) implements RunJournal {

        @Override
        public void appendExample(dev.instructgen.dataset.Example example) {
            dir.appendExample(example);
        }

        @Override
        public void appendRejection(RejectedCandidate r) {
            dir.appendRejection(new Rejection(r.id(), r.stage(), r.reason(), r.detail(), r.instruction(), r.input(),
                    r.output(), r.parents(), r.createdAt()));
        }

        @Override
        public void writeStats(StatsSnapshot snapshot) {
            dir.writeStats(snapshot);
        }

        @Override
        public void writeText(String name, String content) {
            dir.writeText(name, content);
        }

        @Override
        public void flush() {
            dir.flush();
        }

        @Override
        public void close() {
            dir.close();
        }

        @Override
        public void writeCheckpoint(String name, Object state) {
            dir.writeCheckpoint(name, state);
        }

        @Override
        public <T> Optional<T> readCheckpoint(String name, Class<T> type) {
            return dir.readCheckpoint(name, type);
        }
    }
}
