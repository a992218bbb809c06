package dev.instructgen.method.selfinstruct;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.TokenizerKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PoolBuilderTest {

    private static Example example(String id, String taskId, String instruction) {
        return new Example(id, instruction, "", "out", MethodId.SELF_INSTRUCT, taskId, false,
                new Provenance("run", "2026-11-21T22:00:00Z", null, Map.of(), List.of(), null, null, null),
                new LicenseInfo("CC0-1.0", null, List.of(), List.of(LicenseInfo.Source.seed("seeds.jsonl", "CC0-1.0"),
                        LicenseInfo.Source.teacher("m", "terms", null))));
    }

    @Test
    void aResumedPoolHoldsTheSeedsAndOneEntryPerRestoredTaskAndTheIndexKnowsThemAll() {
        List<SeedTask> seeds = List.of(
                new SeedTask("seed_task_0", "Give three tips for staying healthy.",
                        List.of(new SeedTask.Instance("", "Sleep.")), false, null, 1),
                new SeedTask("seed_task_1", "Translate the sentence into German.",
                        List.of(new SeedTask.Instance("Hi", "Hallo")), false, null, 2));
        List<Example> restored = List.of(
                example("si-4-1", "si-4", "Name three rivers in South America and their lengths."),
                example("si-4-2", "si-4", "Name three rivers in South America and their lengths."),
                example("si-9-1", "si-9", "Write a limerick about a forgetful astronaut."));
        NoveltyIndex novelty = NoveltyIndex.create(TokenizerKind.UNICODE, 0.7);

        TaskPool pool = PoolBuilder.build(seeds, s -> new SeedSource("seeds.jsonl", "CC0-1.0"), restored, novelty);

        assertThat(pool.seeds()).extracting(PoolEntry::id).containsExactly("seed_task_0", "seed_task_1");
        assertThat(pool.generatedCount()).isEqualTo(2);
        assertThat(pool.generated(0).id()).isEqualTo("si-4");
        assertThat(pool.generated(0).sources()).containsExactly(new SeedSource("seeds.jsonl", "CC0-1.0"));
        assertThat(novelty.size()).isEqualTo(4);
        assertThat(novelty.admit("si-x", "Write a limerick about a forgetful astronaut.").novel()).isFalse();
    }
}
