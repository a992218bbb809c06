package dev.instructgen.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.error.BadInputException;
import dev.instructgen.error.StorageException;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A run directory (PRODUCT.md, "Run directory"): manifest.json, the append-only examples.jsonl and
 * rejected.jsonl journals, stats.json, checkpoints and DATASET_CARD.md.
 *
 * <p>Crash safety follows a journal-based disk cache: journals are only ever appended to, a line at a time in
 * one write call, fsync'd in small batches ({@link JournalWriter}); whole files (manifest, stats, checkpoints,
 * the card) are replaced through a temp file and an atomic rename ({@link AtomicFile}); on open, a torn tail
 * of a journal is truncated away ({@link JournalRestore}). So after a kill -9 every line is whole, and a
 * resumed run sees exactly the examples that were accepted.
 *
 * <p>Appending is thread-safe. One process at a time may hold a run directory (an OS file lock, released by
 * the OS even on kill -9).
 */
public final class RunDirectory implements AutoCloseable {

    public static final String MANIFEST = "manifest.json";
    public static final String EXAMPLES = "examples.jsonl";
    public static final String REJECTED = "rejected.jsonl";
    public static final String STATS = "stats.json";
    public static final String DATASET_CARD = "DATASET_CARD.md";
    public static final String CHECKPOINTS = "checkpoints";

    /** Group commit: fsync once this many lines are pending ... */
    static final int SYNC_EVERY_LINES = 256;
    /** ... or once the oldest pending line has waited this long. */
    static final long SYNC_EVERY_MILLIS = 200;

    private static final Logger LOG = LoggerFactory.getLogger(RunDirectory.class);
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path dir;
    private final Manifest manifest;
    private final boolean resumed;
    private final List<Example> restoredExamples;
    private final Map<String, Long> restoredRejectionCounts;
    private final JsonNode previousStats;
    private final List<String> repairNotes;
    private final RunLock lock;
    private final ScheduledExecutorService syncer;
    private final JournalWriter examples;
    private final JournalWriter rejected;

    private RunDirectory(Path dir, Manifest manifest, boolean resumed, RestoredRun restored, RunLock lock,
                         RunJournals journals) {
        this.dir = dir;
        this.manifest = manifest;
        this.resumed = resumed;
        this.restoredExamples = restored.examples();
        this.restoredRejectionCounts = restored.rejectionCounts();
        this.previousStats = restored.stats();
        this.repairNotes = restored.notes();
        this.lock = lock;
        this.syncer = journals.syncer();
        this.examples = journals.examples();
        this.rejected = journals.rejected();
        syncer.scheduleWithFixedDelay(() -> {
            examples.syncIfDue();
            rejected.syncIfDue();
        }, SYNC_EVERY_MILLIS / 2, SYNC_EVERY_MILLIS / 2, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a run in {@code dir}, or resumes the run it holds.
     *
     * @param requested what the command was asked to do; on resume, command, settings, seed hash, prompt
     *                  hashes and random seed must equal the stored ones, and its limits replace the stored
     * @param clock     drives the time-based part of the group commit
     * @throws BadInputException when the directory holds a run with different settings (naming each
     *                           difference), is not a directory, is in use by another process, holds files
     *                           that are not a run's, or cannot be written
     */
    public static RunDirectory openOrCreate(Path dir, Manifest requested, Clock clock) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadInputException(dir + " is not a directory; --out needs a run directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BadInputException("cannot create run directory " + dir + ": " + e.getMessage(), e);
        }
        // a refused directory is left as it was found: a lock file this call created goes again
        boolean lockWasThere = Files.exists(dir.resolve(RunLock.FILE));
        RunLock lock = RunLock.acquire(dir);
        try {
            OpenChecks.requireWritable(dir);
            Path manifestFile = dir.resolve(MANIFEST);
            boolean resume = Files.exists(manifestFile);
            if (!resume) {
                OpenChecks.refuseForeignContent(dir);
            }
            inRun(() -> {
                AtomicFile.deleteLeftovers(dir);
                if (Files.isDirectory(dir.resolve(CHECKPOINTS))) {
                    AtomicFile.deleteLeftovers(dir.resolve(CHECKPOINTS));
                }
            });
            Manifest manifest = requested;
            RestoredRun restored = RestoredRun.empty();
            if (resume) {
                Manifest stored = RunReader.readManifest(dir);
                List<String> differences = ManifestDiff.between(stored, requested);
                if (!differences.isEmpty()) {
                    throw new BadInputException("run directory " + dir + " holds a run with different settings: "
                            + String.join(", ", differences) + " (use a new --out or the same settings)");
                }
                manifest = stored.withLimits(requested.limits());
                restored = RestoredRun.read(dir, note -> {
                    LOG.warn("{}: {}", dir, note);
                    RunLog.appendTo(dir, clock, "warning: " + note);
                });
            }
            // The journals open before the manifest is (re)written: a journal that cannot be appended to
            // refuses the run while the directory is still exactly as it was.
            RunJournals journals = RunJournals.open(dir, clock);
            try {
                writeJson(manifestFile, manifest);
            } catch (RuntimeException e) {
                journals.close();
                throw e;
            }
            return new RunDirectory(dir, manifest, resume, restored, lock, journals);
        } catch (RuntimeException e) {
            lock.release();
            if (!lockWasThere) {
                deleteQuietly(dir.resolve(RunLock.FILE));
            }
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the refusal is the error worth reporting; an empty lock file does no harm
        }
    }

    public boolean resumed() {
        return resumed;
    }

    /**
     * The run's manifest: on resume the stored one with the limits of this invocation. Take the run id and
     * start time from here, not from the requested manifest, so that resumed examples carry the run's id.
     */
    public Manifest manifest() {
        return manifest;
    }

    /** Accepted examples found on resume, in the order they were accepted; empty for a new run. */
    public List<Example> restoredExamples() {
        return restoredExamples;
    }

    /** Rejected candidates per reason code found on resume; empty for a new run. */
    public Map<String, Long> restoredRejectionCounts() {
        return restoredRejectionCounts;
    }

    /**
     * Every rejected candidate in rejected.jsonl, read through the same tolerant journal reader as at opening.
     * Only counts are kept when a run opens (a long Self-Instruct run rejects far more than it keeps); a method
     * that needs the records themselves on resume, as Evol-Instruct does to rebuild its lineages, reads them here.
     */
    public List<Rejection> readRejections() {
        return JournalRestore.rejections(dir.resolve(REJECTED), note -> LOG.warn("{}", note));
    }

    /** The stats.json the previous invocation left, to continue its counters. */
    public Optional<JsonNode> previousStats() {
        return Optional.ofNullable(previousStats);
    }

    /** What was repaired on open (torn lines dropped, ...), for the console; empty when nothing was. */
    public List<String> repairNotes() {
        return repairNotes;
    }

    public Path path() {
        return dir;
    }

    /** Appends one accepted example to examples.jsonl. Thread-safe; durable within a group-commit interval. */
    public void appendExample(Example example) {
        examples.append(jsonLine(example));
    }

    /** Appends one rejected candidate to rejected.jsonl. Thread-safe. */
    public void appendRejection(Rejection rejection) {
        rejected.append(jsonLine(rejection));
    }

    /** Replaces stats.json atomically with {@code snapshot} written as JSON. */
    public void writeStats(Object snapshot) {
        inRun(() -> writeJson(dir.resolve(STATS), snapshot));
    }

    /** Replaces checkpoints/NAME.json atomically (e.g. the evolution round reached). */
    public void writeCheckpoint(String name, Object state) {
        Path checkpoints = dir.resolve(CHECKPOINTS);
        try {
            Files.createDirectories(checkpoints);
        } catch (IOException e) {
            throw StorageException.writing(checkpoints, e).inResumableRun();
        }
        inRun(() -> writeJson(checkpoints.resolve(simpleName(name) + ".json"), state));
    }

    /** The checkpoint written under {@code name}, if any. */
    public <T> Optional<T> readCheckpoint(String name, Class<T> type) {
        Path file = dir.resolve(CHECKPOINTS).resolve(simpleName(name) + ".json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonCodec.mapper().readValue(file.toFile(), type));
        } catch (IOException e) {
            throw new BadInputException(file + ": not a valid " + type.getSimpleName() + " checkpoint ("
                    + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    /** Replaces a text file of the run (e.g. DATASET_CARD.md) atomically. */
    public void writeText(String fileName, String content) {
        String name = simpleName(fileName);
        if (name.equals(EXAMPLES) || name.equals(REJECTED) || name.equals(MANIFEST)) {
            throw new IllegalArgumentException(name + " is not replaced as a whole");
        }
        inRun(() -> AtomicFile.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Makes every line appended so far durable (fsync) before returning. */
    public void flush() {
        examples.flush();
        rejected.flush();
    }

    @Override
    public void close() {
        try {
            new RunJournals(syncer, examples, rejected).close();
        } finally {
            lock.release();
        }
    }

    /** One JSONL line of {@code value}: its compact JSON and a newline (every journal of the run directory). */
    static byte[] jsonLine(Object value) {
        byte[] json;
        try {
            json = JsonCodec.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    static void writeJson(Path file, Object value) {
        ObjectMapper mapper = JsonCodec.mapper();
        try {
            AtomicFile.write(file, mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + file + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String simpleName(String name) {
        if (name == null || !SIMPLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain file name: " + name);
        }
        return name;
    }

    /** A full disk under a run directory is a resumable stop; say so on the way out. */
    private static void inRun(Runnable write) {
        try {
            write.run();
        } catch (StorageException e) {
            throw e.inResumableRun();
        }
    }
}
