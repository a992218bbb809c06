package dev.instructgen.storage;

import dev.instructgen.dataset.JsonCodec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ManifestDiffTest {

    /** What openOrCreate compares against: the manifest as it comes back from manifest.json. */
    private static Manifest stored(Manifest manifest) throws Exception {
        return JsonCodec.mapper().readValue(JsonCodec.mapper().writeValueAsString(manifest), Manifest.class);
    }

    private static Manifest withSettings(Map<String, Object> settings) {
        return TestRuns.manifest(settings, TestRuns.limits(10));
    }

    @Test
    void valuesThatReadBackDifferentlyFromJsonAreStillTheSame() throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("rouge-threshold", 0.7);
        settings.put("rounds", 4);
        settings.put("big", 12_000_000_000L);
        settings.put("prompts-dir", Path.of("prompts"));
        settings.put("timeout", Duration.ofSeconds(90));
        settings.put("operations", List.of("add-constraints", "deepen"));
        settings.put("sampling", Map.of("temperature", 0.7, "top_p", 0.5));
        settings.put("unset", null);
        Manifest requested = withSettings(settings);

        assertThat(ManifestDiff.between(stored(requested), requested)).isEmpty();
    }

    @Test
    void namesAddedRemovedAndChangedKeysAndNestedValuesAsJson() throws Exception {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("rounds", 4);
        before.put("tokenizer", "unicode");
        before.put("sampling", Map.of("temperature", 0.7));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("rounds", 4.0);
        after.put("sampling", Map.of("temperature", 1.0));
        after.put("require-commercial", true);

        List<String> differences = ManifestDiff.between(stored(withSettings(before)), withSettings(after));

        assertThat(differences).containsExactly(
                "tokenizer unicode -> (unset)",
                "sampling {\"temperature\":0.7} -> {\"temperature\":1.0}",
                "require-commercial (unset) -> true");
    }

    @Test
    void limitsToolVersionRunIdStartTimeAndSeedPathAreNotCompared() throws Exception {
        Manifest base = TestRuns.manifest();
        Manifest other = new Manifest("9.9.9", base.command(), "another-id", base.settings(),
                Map.of("target", 5000, "max-cost", 20.0), new SeedFileRef("elsewhere/seeds.jsonl", TestRuns.SEEDS_SHA),
                base.prompts(), base.teacher(), base.licensePolicy(), "2030-01-01T00:00:00Z", base.randomSeed());

        assertThat(ManifestDiff.between(stored(base), other)).isEmpty();
    }

    @Test
    void anotherCommandsRunIsRefusedWithOneDifferenceNotEverySetting() throws Exception {
        Map<String, Object> evol = new LinkedHashMap<>();
        evol.put("rounds", 4);
        evol.put("input_format", "SELF_INSTRUCT_SEEDS");
        Manifest stored = stored(new Manifest("1", "evol-instruct", "run-1", evol, TestRuns.limits(10), null,
                Map.of(), null, Map.of(), "2026-11-21T22:00:00Z", 42));
        Map<String, Object> selfInstruct = new LinkedHashMap<>();
        selfInstruct.put("rouge_threshold", 0.7);
        Manifest requested = new Manifest("1", "self-instruct", "run-2", selfInstruct, TestRuns.limits(10), null,
                Map.of("self-instruct/classification.txt", "abc"), null, Map.of(), "2026-11-21T22:00:00Z", 3);

        assertThat(ManifestDiff.between(stored, requested)).containsExactly("command evol-instruct -> self-instruct");
    }

    @Test
    void theSameInputFileNamedByAnotherPathIsNotADifference() throws Exception {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("input", "seeds/seed_tasks.jsonl");
        before.put("rounds", 4);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("input", "/home/me/project/seeds/seed_tasks.jsonl");
        after.put("rounds", 4);

        assertThat(ManifestDiff.between(stored(withSettings(before)), withSettings(after))).isEmpty();
    }
}
