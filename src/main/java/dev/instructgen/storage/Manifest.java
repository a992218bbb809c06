package dev.instructgen.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.instructgen.dataset.Provenance;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * manifest.json: what a run is (PRODUCT.md, "Run directory"). Never holds secrets.
 *
 * <p>The fields split into two groups on purpose. {@code command}, {@code settings}, the seed file hash,
 * the prompt hashes and the random seed define the run: when they differ from a stored run, resuming would
 * mix two different datasets in one file, so {@link RunDirectory#openOrCreate} refuses. {@code limits}
 * (target, budgets, concurrency, timeout, patience, rpm/tpm) only say how far and how fast to go, so a
 * resume may change them, e.g. to continue a run with a higher budget.
 *
 * @param toolVersion   instructgen version that started the run
 * @param command       "self-instruct", "evol-instruct", ...
 * @param runId         stable id of the run, stamped into every example's provenance
 * @param settings      option name to value of everything that defines the run; compared on resume
 * @param limits        option name to value of how far and how fast; not compared, may change on resume
 * @param seeds         the seed (or input) file, null when the command has none
 * @param prompts       template file name to sha256 of its content
 * @param teacher       teacher api, model and host
 * @param licensePolicy the license policy applied (e.g. require-commercial, seeds license)
 * @param startedAt     ISO-8601 UTC instant the run was first started
 * @param randomSeed    seed of every random draw of the run
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Manifest(
        @JsonProperty("tool_version") String toolVersion,
        @JsonProperty("command") String command,
        @JsonProperty("run_id") String runId,
        @JsonProperty("settings") Map<String, Object> settings,
        @JsonProperty("limits") Map<String, Object> limits,
        @JsonProperty("seeds") SeedFileRef seeds,
        @JsonProperty("prompts") Map<String, String> prompts,
        @JsonProperty("teacher") Provenance.TeacherRef teacher,
        @JsonProperty("license_policy") Map<String, Object> licensePolicy,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("random_seed") long randomSeed) {

    public Manifest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(runId, "runId");
        settings = ordered(settings);
        limits = ordered(limits);
        prompts = ordered(prompts);
        licensePolicy = ordered(licensePolicy);
    }

    /** The same run with other limits: what a resume with a higher target or budget stores. */
    public Manifest withLimits(Map<String, Object> newLimits) {
        return new Manifest(toolVersion, command, runId, settings, newLimits, seeds, prompts, teacher,
                licensePolicy, startedAt, randomSeed);
    }

    // Insertion order is kept so manifest.json reads in the order the command listed its options;
    // null values are allowed (an unset option) which Map.copyOf would reject.
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
