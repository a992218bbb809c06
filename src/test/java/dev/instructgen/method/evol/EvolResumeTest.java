package dev.instructgen.method.evol;

import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.NoveltyFilter;
import dev.instructgen.text.NoveltyIndex;
import dev.instructgen.text.TokenizerKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EvolResumeTest {

    private static final SeedSource SEEDS = new SeedSource("seeds", "CC0-1.0");
    private final List<EvolInput> inputs = List.of(
            new EvolInput("a", "Name a colour.", "", "Red.", false, SEEDS, null),
            new EvolInput("b", "Add 2 and 3.", "", "5", false, SEEDS, null));

    private static Example evolved(String id, String parent, int round, String op, String instruction) {
        Provenance p = new Provenance("run", "2026-01-01T00:00:00Z", null, Map.of(), List.of(parent),
                new Provenance.Evolution(round, op), null, null);
        return new Example(id, instruction, "", "answer", MethodId.EVOL_INSTRUCT, id, false, p,
                new LicenseInfo("CC0-1.0", true, List.of(), List.of()));
    }

    private static Example seed(String id, String instruction) {
        Provenance p = new Provenance("run", "2026-01-01T00:00:00Z", null, Map.of(), List.of(), null, null, null);
        return new Example(id, instruction, "", "x", MethodId.SEED, id, false, p,
                new LicenseInfo("CC0-1.0", true, List.of(), List.of()));
    }

    @Test
    void theLastAcceptedEvolutionIsCurrentAndTheCheckpointAddsEliminatedRounds() {
        List<Example> restored = List.of(
                evolved("a.r1", "a", 1, "deepen", "Name a colour and its hex code."),
                evolved("a.r2", "a.r1", 2, "breadth", "Name a pigment used by Vermeer."));
        ChainCheckpoint cp = new ChainCheckpoint(1, Map.of("a", new ChainCheckpoint.Chain("a.r2", 3),
                "b", new ChainCheckpoint.Chain("b", 1)), null);

        EvolResume.State state = EvolResume.restore(inputs, false, cp, restored, List.of(), new EvolutionStats(),
                NoveltyFilter.off());

        Lineage a = state.lineages().get(0);
        assertThat(a.currentId()).isEqualTo("a.r2");
        assertThat(a.currentText()).isEqualTo("Name a pigment used by Vermeer.");
        assertThat(a.ancestors()).containsExactly("a", "a.r1", "a.r2");
        assertThat(a.roundsDone()).isEqualTo(3);
        Lineage b = state.lineages().get(1);
        assertThat(b.currentId()).isEqualTo("b");
        assertThat(b.roundsDone()).isEqualTo(1);
        assertThat(state.accepted()).isEqualTo(2);
    }

    @Test
    void countersAndRoundsAreRebuiltFromBothJournalsCountingARedoneAttemptOnce() {
        List<Example> restored = List.of(
                evolved("a.r2", "a", 2, "breadth", "Name a pigment used by Vermeer."),
                evolved("b.r1", "b", 1, "deepen", "Add 2 and 3, then explain carrying."));
        List<Rejection> rejected = List.of(
                rejection("a.r1", "evol-concretize", "response_apology", "a"),
                rejection("a.r1", "evol-concretize", "response_apology", "a"), // redone after a crash
                rejection("b.r1", "evol-deepen", "prompt_leak", "b"),          // redone and then accepted
                rejection("b.r2", "evol-deepen", "no_information_gain", "b.r1"));
        EvolutionStats saved = new EvolutionStats();
        saved.labelStripped();
        EvolutionStats stats = new EvolutionStats();

        EvolResume.State state = EvolResume.restore(inputs, false,
                new ChainCheckpoint(1, Map.of(), saved.snapshot()), restored, rejected, stats, NoveltyFilter.off());

        EvolutionStats.Snapshot s = stats.snapshot();
        assertThat(s.attempted()).isEqualTo(4);
        assertThat(s.accepted()).isEqualTo(2);
        assertThat(s.eliminated()).containsOnly(Map.entry("response_apology", 1L),
                Map.entry("no_information_gain", 1L));
        assertThat(s.byOperation().get("concretize").attempted).isEqualTo(1);
        assertThat(s.labelsStripped()).isEqualTo(1);
        Lineage b = state.lineages().get(1);
        assertThat(b.currentId()).isEqualTo("b.r1");
        assertThat(b.roundsDone()).isEqualTo(2);
        assertThat(state.lineages().get(0).roundsDone()).isEqualTo(2);
    }

    private static Rejection rejection(String id, String stage, String reason, String parent) {
        return new Rejection(id, stage, RejectionReason.fromCode(reason), "detail", "text", "", null,
                List.of(parent), Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void keptOriginalsAlreadyWrittenAreNotWrittenAgainAndTheirChildrenFindTheirRoot() {
        List<Example> restored = List.of(seed("a", "Name a colour."),
                evolved("a.r1", "a", 1, "deepen", "Name a colour and its hex code."));

        EvolResume.State state = EvolResume.restore(inputs, true, null, restored, List.of(), new EvolutionStats(),
                NoveltyFilter.off());

        assertThat(state.originalsToWrite()).extracting(EvolInput::id).containsExactly("b");
        assertThat(state.lineages().get(0).currentId()).isEqualTo("a.r1");
    }

    @Test
    void fillsTheNoveltyIndexWithInputsAndAcceptedEvolutions() {
        NoveltyIndex novelty = NoveltyIndex.create(TokenizerKind.ROUGE_SCORE, 0.7);
        EvolResume.restore(inputs, false, null,
                List.of(evolved("a.r1", "a", 1, "deepen", "Name a colour and its hex code.")), List.of(),
                new EvolutionStats(), NoveltyFilter.over(novelty, (nearest, threshold) -> "too similar"));
        assertThat(novelty.size()).isEqualTo(3);
    }
}
