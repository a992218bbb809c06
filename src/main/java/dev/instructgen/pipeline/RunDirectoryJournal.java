package dev.instructgen.pipeline;

import dev.instructgen.storage.RequestJournal;
import dev.instructgen.teacher.ReasoningMode;
import dev.instructgen.teacher.RequestLog;
import dev.instructgen.teacher.StructuredMode;
import dev.instructgen.storage.StatsFile;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.storage.Manifest;
import dev.instructgen.storage.RunDirectory;
import dev.instructgen.storage.SeedFileRef;
import dev.instructgen.storage.UsageEvent;
import dev.instructgen.storage.UsageJournal;
import dev.instructgen.storage.UsageTotals;

import java.time.Instant;
import java.util.Optional;

import java.time.Clock;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The production journal: the run directory of the storage package. Its opener writes the manifest from the
 * {@link RunSpec}, which is where a resume with different settings is refused.
 */
public final class RunDirectoryJournal implements RunJournal {

    private final RunDirectory dir;
    private final UsageJournal.Opened usage;

    private final Clock clock;
    private RequestJournal requests;

    private RunDirectoryJournal(RunDirectory dir, UsageJournal.Opened usage, Clock clock) {
        this.dir = dir;
        this.usage = usage;
        this.clock = clock;
    }

    @Override
    public synchronized RequestLog requestLog() {
        if (requests == null) {
            requests = RequestJournal.open(dir.path(), clock);
        }
        return requests;
    }

    /** Opens (or resumes) the spec's run directory, recording {@code toolVersion} in a new manifest. */
    public static JournalOpener opener(String toolVersion, Clock clock) {
        return (spec, freshRunId, startedAt) -> {
            var teacher = spec.teacher();
            // The teacher's wire format and model define the run for every command; its host does not (a server
            // moved to another port serves the same model), so the host is recorded but not compared on resume.
            Map<String, Object> settings = new LinkedHashMap<>(spec.settings().manifest());
            // a fixed order: Map.of iterates in a per-JVM order, so the manifest's bytes varied from run to run
            Map<String, Object> teacherRef = new LinkedHashMap<>();
            teacherRef.put("api", teacher.api().wireName());
            teacherRef.put("model", teacher.model());
            // --reasoning and --structured change the replies, so they define the run; written only when not the
            // default, so a run directory made before these options existed resumes with the defaults
            if (teacher.reasoning() != ReasoningMode.AUTO) {
                teacherRef.put("reasoning", teacher.reasoning().wireName());
            }
            if (teacher.structured() != StructuredMode.AUTO) {
                teacherRef.put("structured", teacher.structured().wireName());
            }
            settings.put("teacher", teacherRef);
            Manifest manifest = new Manifest(toolVersion, spec.command(), freshRunId, settings,
                    spec.limits(),
                    spec.seeds() == null ? null : new SeedFileRef(spec.seeds().path(), spec.seeds().sha256()),
                    spec.prompts(),
                    dev.instructgen.dataset.Provenance.TeacherRef.of(teacher.identity()),
                    spec.licensePolicy().manifest(), startedAt, spec.randomSeed());
            RunDirectory dir = RunDirectory.openOrCreate(spec.out(), manifest, clock);
            UsageJournal.Opened usage;
            try {
                usage = UsageJournal.open(dir.path(), dir.resumed(), startedAt(dir.manifest()), clock);
            } catch (RuntimeException e) {
                dir.close();
                throw e;
            }
            Map<String, Long> rejections = dir.restoredRejectionCounts();
            return new Opened(new RunDirectoryJournal(dir, usage, clock), dir.manifest().runId(), dir.resumed(),
                    dir.restoredExamples(), rejections, dir.previousStats().orElse(null));
        };
    }

    private static Instant startedAt(Manifest manifest) {
        try {
            return manifest.startedAt() == null ? null : Instant.parse(manifest.startedAt());
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void appendUsage(UsageEvent event) {
        usage.journal().append(event);
    }

    @Override
    public Optional<UsageTotals> restoredUsage() {
        return usage.restored();
    }

    @Override
    public List<String> openingNotes() {
        return usage.notes();
    }

    @Override
    public void appendExample(Example example) {
        dir.appendExample(example);
    }

    @Override
    public void appendRejection(Rejection rejection) {
        dir.appendRejection(rejection);
    }

    @Override
    public void writeStats(StatsFile snapshot) {
        dir.writeStats(snapshot);
    }

    @Override
    public void writeText(String name, String content) {
        dir.writeText(name, content);
    }

    @Override
    public void flush() {
        dir.flush();
        usage.journal().flush();
        RequestJournal log = openedRequests();
        if (log != null) {
            log.flush();
        }
    }

    private synchronized RequestJournal openedRequests() {
        return requests;
    }

    @Override
    public void close() {
        try {
            RequestJournal log = openedRequests();
            if (log != null) {
                log.close();
            }
            usage.journal().close();
        } finally {
            dir.close();
        }
    }

    /** Reads rejected.jsonl as left by earlier sessions (its torn tail was repaired when the run was opened). */
    @Override
    public List<Rejection> restoredRejections() {
        return dir.readRejections();
    }

    @Override
    public void writeCheckpoint(String name, Object state) {
        dir.writeCheckpoint(name, state);
    }

    @Override
    public <T> java.util.Optional<T> readCheckpoint(String name, Class<T> type) {
        return dir.readCheckpoint(name, type);
    }
}
