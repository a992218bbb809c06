package dev.instructgen.storage;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * The seed (or input) file of a run as recorded in the manifest.
 *
 * @param path   the path as the user gave it (for people; not compared on resume, the run may be resumed
 *               from another working directory)
 * @param sha256 hex sha256 of the file's bytes; compared on resume
 */
public record SeedFileRef(@JsonProperty("path") String path, @JsonProperty("sha256") String sha256) {

    public SeedFileRef {
        Objects.requireNonNull(sha256, "sha256");
    }
}
