package dev.instructgen.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.error.BadInputException;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.JsonFileErrors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Opens a finished or still-running run for reading (export, stats, evol-instruct --input DIR). Never writes:
 * a damaged journal tail is skipped, not repaired, since the run may still be appending to it.
 */
public final class RunReader {

    private RunReader() {
    }

    /**
     * @throws BadInputException when {@code runDir} is not a run directory or its manifest cannot be read
     */
    public static RunSnapshot read(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            throw new BadInputException(runDir + " is not a run directory: "
                    + (Files.exists(runDir) ? "it is a file" : "it does not exist"));
        }
        Manifest manifest = readManifest(runDir);
        try {
            return new RunSnapshot(runDir, manifest, StatsFile.read(runDir).orElse(null), null);
        } catch (StatsFile.Unreadable e) {
            return new RunSnapshot(runDir, manifest, null, e.getMessage());
        }
    }

    static Manifest readManifest(Path dir) {
        Path file = dir.resolve(RunDirectory.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(dir + " is not a run directory: no " + RunDirectory.MANIFEST);
        }
        try {
            return JsonCodec.mapper().readValue(file.toFile(), Manifest.class);
        } catch (IOException e) {
            throw new BadInputException(file + ": not a valid run manifest: " + JsonFileErrors.describe(e)
                    + "; restore it from a backup, or start a new run with another --out", e);
        }
    }

    /** stats.json as a tree for {@link StatsFile#fromTree}; empty when absent or not JSON. */
    static Optional<JsonNode> readStats(Path dir) {
        Path file = dir.resolve(RunDirectory.STATS);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JsonCodec.mapper().readTree(file.toFile());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IOException e) {
            // Written by atomic rename, so this means someone edited it; stats are advisory, go on without.
            return Optional.empty();
        }
    }
}
