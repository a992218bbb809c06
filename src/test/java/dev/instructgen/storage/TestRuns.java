package dev.instructgen.storage;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.LicenseInfo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Values for storage tests: a manifest, examples and rejections that look like a real run's. */
public final class TestRuns {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T22:00:00Z"), ZoneOffset.UTC);
    public static final String SEEDS_SHA = "a".repeat(64);

    private TestRuns() {
    }

    public static Manifest manifest() {
        return manifest(settings(0.7), limits(100));
    }

    public static Manifest manifest(Map<String, Object> settings, Map<String, Object> limits) {
        return new Manifest("0.1.0", "self-instruct", "run-1", settings, limits,
                new SeedFileRef("seeds/seed_tasks.jsonl", SEEDS_SHA),
                Map.of("instruction-generation.txt", "b".repeat(64)),
                new Provenance.TeacherRef("openai", "llama3.1:8b", "localhost:8000"),
                Map.of("require_commercial", false), "2026-11-21T22:00:00Z", 42L);
    }

    public static Map<String, Object> settings(double rougeThreshold) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("model", "llama3.1:8b");
        settings.put("rouge-threshold", rougeThreshold);
        settings.put("num-prompt-instructions", 8);
        return settings;
    }

    public static Map<String, Object> limits(int target) {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("target", target);
        limits.put("concurrency", 8);
        return limits;
    }

    public static LicenseInfo license(String spdx, Boolean commercial) {
        return new LicenseInfo(spdx, commercial, commercial == Boolean.FALSE ? List.of("non-commercial") : List.of(),
                List.of(LicenseInfo.Source.seed("seed_tasks.jsonl", spdx),
                        LicenseInfo.Source.teacher("llama3.1:8b", "Llama 3.1 Community License", null)));
    }

    public static Example example(int n) {
        return example(n, "self-instruct", license("Apache-2.0", true));
    }

    public static Example example(int n, String method, LicenseInfo license) {
        return example(n, MethodId.fromCode(method), license);
    }

    public static Example example(int n, MethodId method, LicenseInfo license) {
        Provenance provenance = new Provenance("run-1", "2026-11-21T22:00:00Z",
                new Provenance.TeacherRef("openai", "llama3.1:8b", "localhost:8000"),
                Map.of("instruction-generation", "instruction-generation.txt@bbbbbbbb"),
                List.of("seed_task_1", "seed_task_2"), null, new Provenance.Novelty(0.41, "seed_task_1"),
                new Provenance.Usage(120, 80));
        String input = n % 3 == 0 ? "" : "input with \"quotes\" and a\nnewline " + n;
        return new Example("ex-" + n, "Instruction number " + n + " ünïcödé", input, "Output " + n, method,
                "task-" + n, n % 5 == 0, provenance, license);
    }

    public static Rejection rejection(int n, RejectionReason reason) {
        return new Rejection("cand-" + n, "instruction-generation", reason, "detail " + n, "Instruction " + n, null,
                null, List.of("seed_task_1"), Instant.parse("2026-11-21T22:00:00Z"));
    }
}
