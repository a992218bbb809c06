package dev.instructgen.storage;

import dev.instructgen.error.BadInputException;
import dev.instructgen.error.StorageException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a run directory must be before anything in it is written: either a run of ours, or a directory holding
 * nothing but what instructgen itself leaves (so a typo in {@code --out} never scatters a run among someone's
 * files), and writable, so that a refusal never comes after manifest.json was already rewritten.
 */
final class OpenChecks {

    /** Files an interrupted first start can leave before manifest.json exists. */
    private static final Set<String> OWN_FILES = Set.of(RunLock.FILE, RunDirectory.EXAMPLES,
            RunDirectory.REJECTED, RunDirectory.CHECKPOINTS, RunLog.FILE);
    private static final int NAMES_SHOWN = 3;

    private OpenChecks() {
    }

    /**
     * A directory without manifest.json may be empty or hold our own leftovers; anything else is someone's data.
     * Journals with content but no manifest were not written by a run of ours either: never append to them.
     */
    static void refuseForeignContent(Path dir) {
        for (String journal : List.of(RunDirectory.EXAMPLES, RunDirectory.REJECTED)) {
            Path file = dir.resolve(journal);
            if (Files.isRegularFile(file) && size(file) > 0) {
                throw new BadInputException("run directory " + dir + " has " + journal + " but no "
                        + RunDirectory.MANIFEST + "; it was not written by instructgen (use a new --out)");
            }
        }
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!OWN_FILES.contains(name) && !name.endsWith(AtomicFile.TEMP_SUFFIX)) {
                    foreign.add(Files.isDirectory(entry) ? name + "/" : name);
                }
            }
        } catch (IOException e) {
            throw StorageException.reading(dir, e);
        }
        if (!foreign.isEmpty()) {
            foreign.sort(null);
            String shown = String.join(", ", foreign.subList(0, Math.min(NAMES_SHOWN, foreign.size())))
                    + (foreign.size() > NAMES_SHOWN ? " and " + (foreign.size() - NAMES_SHOWN) + " more" : "");
            throw new BadInputException("--out " + dir + " is not empty and holds no instructgen run (found "
                    + shown + "); give a new or empty directory");
        }
    }

    /**
     * The journals are appended to and every other file is replaced by a rename in the directory, so both must be
     * writable. (The journals are also opened before the manifest is rewritten, which catches what this misses:
     * a superuser passes every permission check.)
     */
    static void requireWritable(Path dir) {
        if (!Files.isWritable(dir)) {
            throw new BadInputException("run directory " + dir + " is not writable (make it writable, or use a "
                    + "new --out)");
        }
        for (String journal : List.of(RunDirectory.EXAMPLES, RunDirectory.REJECTED)) {
            Path file = dir.resolve(journal);
            if (Files.exists(file) && !Files.isWritable(file)) {
                throw new BadInputException("run directory " + dir + ": " + journal + " is read-only, and a "
                        + "run appends to it (make it writable to resume, or use a new --out)");
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw StorageException.reading(file, e);
        }
    }
}
