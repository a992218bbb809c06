package dev.instructgen.method.selfinstruct;

import dev.instructgen.filter.CandidateInstance;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.TokenizerKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.instructgen.filter.Rejected.code;
import static dev.instructgen.filter.Rejected.rejection;
import static org.assertj.core.api.Assertions.assertThat;

class SelfInstructFiltersTest {

    private static final String SEED = "Give three tips for staying healthy during the winter months.";

    private final NoveltyIndex index = NoveltyIndex.create(TokenizerKind.ROUGE_SCORE, 0.7);
    private final TaskPool tasks = new TaskPool(List.of(new PoolEntry("seed_task_1", SEED, true,
            Set.of(new SeedSource("seeds", "CC0-1.0")))));
    private final SelfInstructFilters filters;

    SelfInstructFiltersTest() {
        index.add("seed_task_1", SEED);
        filters = SelfInstructFilters.of(InstructionFilterSettings.defaults(), index, tasks, 2);
    }

    @Test
    void aNearCopyOfASeedIsTooSimilarAndTheDetailQuotesTheSeedAsBefore() {
        NoveltyFilter.Admission admission = filters.novelty().admit(new NoveltyFilter.Candidate("si-1", SEED));

        assertThat(code(admission.verdict())).isEqualTo("too_similar");
        assertThat(rejection(admission.verdict()).detail())
                .isEqualTo("ROUGE-L F1 1.000 > 0.70 with seed_task_1: " + SEED);
    }

    @Test
    void aNovelInstructionJoinsThePoolWithItsNearestMemberForProvenance() {
        NoveltyFilter.Admission admission = filters.novelty().admit(
                new NoveltyFilter.Candidate("si-2", "Give the capital of every country in South America."));

        assertThat(admission.verdict().accepted()).isTrue();
        assertThat(admission.nearest().mostSimilarId()).isEqualTo("seed_task_1");
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void theHeuristicsAndTheInstanceScreenUseTheGivenSettings() {
        assertThat(code(filters.instruction().check("Draw maps."))).isEqualTo("too_short");
        var screened = filters.instances().screen(List.of(new CandidateInstance("1", "a"),
                new CandidateInstance("2", "b"), new CandidateInstance("3", "c")), false);
        assertThat(screened.kept()).hasSize(2);
        assertThat(screened.rejected()).singleElement()
                .satisfies(r -> assertThat(r.verdict().reason().code()).isEqualTo("over_instance_limit"));
    }
}
