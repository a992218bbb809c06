package dev.instructgen.pipeline;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.text.TokenizerKind;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a generating command asks of the engine: the part every method shares (teacher, target, limits, run
 * directory) plus the method's own settings, which go into the manifest and are compared on resume. Built with
 * {@link #builder(MethodId)}; validated once in {@link Builder#build()}.
 *
 * @param method        the generation method; its code is the manifest's {@code command}
 * @param novelty       tokenizer and ROUGE-L threshold of the run's novelty index
 * @param settings      the method's settings record, compared on resume
 * @param prompts       template file name to the sha256 of its text, for the manifest
 * @param seeds         the seed file the run grows from, or null
 * @param licensePolicy the license policy applied, for the manifest
 * @param grace         how long in-flight requests may finish after an interrupt or a budget stop
 */
public record RunSpec(MethodId method, Path out, TeacherSettings teacher, long target, Budget budget,
                      long randomSeed, Novelty novelty, MethodSettings settings, Map<String, String> prompts,
                      SeedRef seeds, LicensePolicy licensePolicy, Duration grace) {

    public RunSpec {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(teacher, "teacher");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(novelty, "novelty");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(licensePolicy, "licensePolicy");
        Objects.requireNonNull(grace, "grace");
        if (target < 1) {
            throw new BadInputException("--target must be at least 1, was " + target);
        }
        // insertion order is kept: the manifest lists templates in the method's order
        prompts = prompts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(prompts));
    }

    public static Builder builder(MethodId method) {
        return new Builder(method);
    }

    /** The manifest's {@code command}: the method's stable code. */
    public String command() {
        return method.code();
    }

    public TokenizerKind tokenizer() {
        return novelty.tokenizer();
    }

    public double noveltyThreshold() {
        return novelty.threshold();
    }

    /** The tokenizer and ROUGE-L F1 threshold of the novelty index (1.0 lets everything through). */
    public record Novelty(TokenizerKind tokenizer, double threshold) {
        public Novelty {
            Objects.requireNonNull(tokenizer, "tokenizer");
        }
    }

    /** The seed file: its name, sha256 and resolved license (SPDX id, or null when unknown). */
    public record SeedRef(String path, String sha256, String license) {
    }

    /**
     * The license policy of the run as the manifest states it.
     *
     * @param subject what the license belongs to in the manifest's words: "seeds" or "input"
     * @param origin  where the license was found (option, sidecar, records, unknown), lower case
     */
    public record LicensePolicy(String version, boolean requireCommercial, String subject, String license,
                                String origin) {
        public LicensePolicy {
            Objects.requireNonNull(subject, "subject");
        }

        /** The manifest's {@code license_policy} object, in its field order. */
        public Map<String, Object> manifest() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", version);
            m.put("require_commercial", requireCommercial);
            m.put(subject + "_license", license);
            m.put(subject + "_license_origin", origin);
            return m;
        }
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

    /** Collects a spec; defaults: unlimited budget, random seed 0, no novelty filter, no prompts, no seeds. */
    public static final class Builder {
        private final MethodId method;
        private Path out;
        private TeacherSettings teacher;
        private Long target;
        private Budget budget = Budget.UNLIMITED;
        private long randomSeed;
        private Novelty novelty = new Novelty(TokenizerKind.ROUGE_SCORE, 1.0);
        private MethodSettings settings;
        private Map<String, String> prompts = Map.of();
        private SeedRef seeds;
        private LicensePolicy licensePolicy;
        private Duration grace;

        private Builder(MethodId method) {
            this.method = Objects.requireNonNull(method, "method");
        }

        public Builder out(Path out) {
            this.out = out;
            return this;
        }

        public Builder teacher(TeacherSettings teacher) {
            this.teacher = teacher;
            return this;
        }

        public Builder target(long target) {
            this.target = target;
            return this;
        }

        public Builder budget(Budget budget) {
            this.budget = budget;
            return this;
        }

        public Builder randomSeed(long randomSeed) {
            this.randomSeed = randomSeed;
            return this;
        }

        public Builder novelty(TokenizerKind tokenizer, double threshold) {
            this.novelty = new Novelty(tokenizer, threshold);
            return this;
        }

        public Builder settings(MethodSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder prompts(Map<String, String> prompts) {
            this.prompts = prompts;
            return this;
        }

        public Builder seeds(SeedRef seeds) {
            this.seeds = seeds;
            return this;
        }

        public Builder licensePolicy(LicensePolicy licensePolicy) {
            this.licensePolicy = licensePolicy;
            return this;
        }

        /** Defaults to the teacher's timeout, at most 60 s: long enough for a reply already on its way. */
        public Builder grace(Duration grace) {
            this.grace = grace;
            return this;
        }

        public RunSpec build() {
            Objects.requireNonNull(teacher, "teacher");
            if (target == null) {
                throw new BadInputException("--target is required: the number of accepted examples wanted");
            }
            Duration cap = Duration.ofSeconds(60);
            Duration g = grace != null ? grace : teacher.timeout().compareTo(cap) < 0 ? teacher.timeout() : cap;
            LicensePolicy policy = licensePolicy != null ? licensePolicy
                    : new LicensePolicy(null, false, "seeds", null, null);
            return new RunSpec(method, out, teacher, target, budget, randomSeed, novelty,
                    settings != null ? settings : MethodSettings.NONE, prompts, seeds, policy, g);
        }
    }
}
