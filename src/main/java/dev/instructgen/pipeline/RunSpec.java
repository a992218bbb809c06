package dev.instructgen.pipeline;

import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.text.TokenizerKind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a generating command asks of the engine: the part every method shares (teacher, target, limits, run
 * directory) plus the method's own settings, which go into the manifest and are compared on resume.
 *
 * @param command        "self-instruct" or "evol-instruct"
 * @param settings       method settings compared on resume (seed sha256, thresholds, prompt hashes, ...)
 * @param prompts        template file name to the sha256 of its text, for the manifest
 * @param seeds          the seed file the run grows from, or null
 * @param licensePolicy  the license policy applied, for the manifest
 * @param grace          how long in-flight requests may finish after an interrupt or a budget stop
 */
public record RunSpec(String command, Path out, TeacherSettings teacher, long target, Budget budget, long randomSeed,
                      TokenizerKind tokenizer, double noveltyThreshold, Map<String, Object> settings,
                      Map<String, String> prompts, SeedRef seeds, Map<String, Object> licensePolicy,
                      Duration grace) {

    public RunSpec {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(grace, "grace");
        if (target < 1) {
            throw new dev.instructgen.error.BadInputException("--target must be at least 1, was " + target);
        }
        settings = ordered(settings);
        prompts = ordered(prompts);
        licensePolicy = ordered(licensePolicy);
    }

    // insertion order is kept (the manifest reads in the command's order) and null values are allowed (an unset
    // option, an unknown license), which Map.copyOf would reject
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /**
     * The seed file: its name, sha256 and resolved license (SPDX id, or null when unknown).
     */
    public record SeedRef(String path, String sha256, String license) {
    }

    /** Limits are not settings: a run may be resumed with a higher target or budget. */
    public Map<String, Object> limits() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("target", target);
        limits.put("max_cost_usd", budget.maxCostUsd());
        limits.put("max_tokens", budget.maxTokens());
        limits.put("concurrency", teacher.concurrency());
        limits.put("timeout_seconds", teacher.timeout().toSeconds());
        limits.put("max_rpm", teacher.maxRpm());
        limits.put("max_tpm", teacher.maxTpm());
        limits.put("patience_seconds", teacher.patience().toSeconds());
        return limits;
    }
}
