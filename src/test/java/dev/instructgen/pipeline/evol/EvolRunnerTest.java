package dev.instructgen.pipeline.evol;

import dev.instructgen.dataset.Example;
import dev.instructgen.licensing.LicenseInfo;
import dev.instructgen.licensing.LicenseTagger;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherRequest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvolRunnerTest {

    private static final SeedSource SEEDS = new SeedSource("seeds.jsonl", "CC0-1.0");
    private static final LicenseTagger TAGGER = sources -> new LicenseInfo(
            sources.iterator().next().license(), true, List.of(), List.of());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private final List<EvolInput> inputs = List.of(
            new EvolInput("a", "Name a colour.", "", "Red.", false, SEEDS),
            new EvolInput("b", "Summarise the text.", "Cats sleep a lot.", "Cats nap.", false, SEEDS),
            new EvolInput("c", "Add 2 and 3.", "", "5", false, SEEDS));

    /**
     * Each rewrite appends a numbered clause; the judge always says Not Equal. While {@code apologiseOnce} is set,
     * the first answer to an evolution of input "a" is an apology, so that evolution is eliminated and "a" goes
     * back into the pool.
     */
    private static final class Script implements Function<TeacherRequest, ScriptedTeacher.Reply> {
        final AtomicInteger clauses = new AtomicInteger();
        final Map<String, AtomicInteger> evolvedTimes = new ConcurrentHashMap<>();
        final AtomicBoolean apologiseOnce = new AtomicBoolean();

        @Override
        public ScriptedTeacher.Reply apply(TeacherRequest r) {
            String prompt = ScriptedTeacher.prompt(r);
            if (r.stage().equals(EvolutionStep.STAGE_JUDGE)) {
                return ScriptedTeacher.Reply.of("Not Equal");
            }
            String instruction = TaggedPrompts.variable(prompt, "instruction");
            if (r.stage().equals(EvolutionStep.STAGE_RESPONSE)) {
                boolean apologise = instruction.startsWith("Name a colour.") && apologiseOnce.compareAndSet(true, false);
                return ScriptedTeacher.Reply.of(apologise ? "Sorry." : "Answer to: " + instruction);
            }
            evolvedTimes.computeIfAbsent(instruction, k -> new AtomicInteger()).incrementAndGet();
            return ScriptedTeacher.Reply.of(instruction + " Also mention clause #" + clauses.incrementAndGet()
                    + " with extra detail.");
        }
    }

    private static EvolSettings settings(Integer target, boolean keepOriginals) {
        Sampling s = new Sampling(1.0, 0.95, 512, null, List.of());
        return new EvolSettings(4, OperationWeights.uniform(), 42, s, s, true, null, target, keepOriginals);
    }

    private EvolRunner runner(EvolSettings settings, ScriptedTeacher teacher, MemoryJournal journal,
                              EvolutionStats stats, int concurrency, java.util.function.BooleanSupplier stop) {
        EvolutionStep step = new EvolutionStep(teacher, new TaggedPrompts(), settings, null, stats);
        EvolExamples examples = new EvolExamples("run-1", CLOCK, teacher.identity(), TAGGER);
        return new EvolRunner(settings, step, examples, journal, stats, CLOCK, Duration.ZERO, concurrency, stop);
    }

    @Test
    void evolvesEveryInputForEveryRoundAndChainsEachChildToItsParent() {
        Script script = new Script();
        MemoryJournal journal = new MemoryJournal();
        EvolutionStats stats = new EvolutionStats();
        EvolRunner.Result result = runner(settings(null, false), new ScriptedTeacher(script), journal, stats, 3,
                () -> false).run(List.of(), inputs.stream().map(EvolInput::lineage).toList(), 0);

        assertThat(result.ending()).isEqualTo(EvolRunner.Ending.COMPLETE);
        assertThat(journal.accepted).hasSize(12);
        Map<String, Example> byId = journal.accepted.stream().collect(Collectors.toMap(Example::id, e -> e));
        for (Example e : journal.accepted) {
            assertThat(e.method()).isEqualTo("evol-instruct");
            String parent = e.provenance().parents().get(0);
            int round = e.provenance().evolution().round();
            if (round == 1) {
                assertThat(parent).isIn("a", "b", "c");
            } else {
                assertThat(byId.get(parent).provenance().evolution().round()).isEqualTo(round - 1);
                assertThat(e.instruction()).startsWith(byId.get(parent).instruction());
            }
            assertThat(e.license().license()).isEqualTo("CC0-1.0");
        }
        assertThat(byId.get("b.r1").instruction()).startsWith("Summarise the text.\n\nCats sleep a lot.");
        assertThat(stats.snapshot().attempted()).isEqualTo(12);
        assertThat(journal.checkpoint.chains().values()).allSatisfy(c -> assertThat(c.roundsDone()).isEqualTo(4));
    }

    @Test
    void aFailedEvolutionReturnsItsParentToThePoolAndTheNextRoundEvolvesItAgain() {
        Script script = new Script();
        script.apologiseOnce.set(true);
        MemoryJournal journal = new MemoryJournal();
        EvolutionStats stats = new EvolutionStats();
        ScriptedTeacher teacher = new ScriptedTeacher(script);
        runner(settings(null, false), teacher, journal, stats, 1, () -> false)
                .run(List.of(), inputs.stream().map(EvolInput::lineage).toList(), 0);

        assertThat(journal.rejected).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("response_apology");
            assertThat(r.round()).isEqualTo(1);
            assertThat(r.parent()).isEqualTo("a");
            assertThat(r.root()).isEqualTo("a");
        });
        Example secondTry = journal.accepted.stream().filter(e -> e.id().equals("a.r2")).findFirst().orElseThrow();
        assertThat(secondTry.provenance().parents()).containsExactly("a");
        assertThat(secondTry.provenance().evolution().round()).isEqualTo(2);
        assertThat(script.evolvedTimes.get("Name a colour.").get()).isEqualTo(2);
        assertThat(journal.accepted).extracting(Example::id).doesNotContain("a.r1").hasSize(11);
        EvolutionStats.Snapshot s = stats.snapshot();
        assertThat(s.attempted()).isEqualTo(12);
        assertThat(s.accepted()).isEqualTo(11);
        assertThat(s.eliminated()).containsExactly(Map.entry("response_apology", 1L));
        assertThat(s.byRound().get(1).eliminated).containsEntry("response_apology", 1L);
        long byOpAttempted = s.byOperation().values().stream().mapToLong(c -> c.attempted).sum();
        assertThat(byOpAttempted).isEqualTo(12);
    }

    @Test
    void stopsAtExactlyTheTargetUnderConcurrencyCountingKeptOriginals() {
        Script script = new Script();
        MemoryJournal journal = new MemoryJournal();
        EvolRunner.Result result = runner(settings(5, true), new ScriptedTeacher(script), journal,
                new EvolutionStats(), 4, () -> false).run(inputs, inputs.stream().map(EvolInput::lineage).toList(), 0);

        assertThat(result.ending()).isEqualTo(EvolRunner.Ending.TARGET_REACHED);
        assertThat(journal.accepted).hasSize(5);
        assertThat(journal.accepted.subList(0, 3)).extracting(Example::method).containsOnly("seed");
        assertThat(journal.accepted.subList(0, 3)).extracting(Example::input)
                .containsExactly("", "Cats sleep a lot.", "");
        assertThat(result.accepted()).isEqualTo(5);
    }

    @Test
    void aStoppedRunResumesFromItsCheckpointAndExamplesWithoutRepeatingOrSkippingRounds() {
        Script script = new Script();
        MemoryJournal journal = new MemoryJournal();
        EvolutionStats stats = new EvolutionStats();
        ScriptedTeacher teacher = new ScriptedTeacher(script);
        EvolRunner.Result first = runner(settings(null, false), teacher, journal, stats, 2,
                () -> teacher.requests.size() >= 12).run(List.of(), inputs.stream().map(EvolInput::lineage).toList(), 0);
        assertThat(first.ending()).isEqualTo(EvolRunner.Ending.STOPPED);
        int acceptedBefore = journal.accepted.size();
        assertThat(acceptedBefore).isBetween(1, 11);

        // The checkpoint may lag behind examples.jsonl: drop it to prove examples alone drive the replay.
        ChainCheckpoint lagging = new ChainCheckpoint(1, Map.of(), null);
        EvolutionStats resumedStats = new EvolutionStats();
        EvolResume.State state = EvolResume.restore(inputs, false, lagging, List.copyOf(journal.accepted),
                resumedStats, null);
        assertThat(state.accepted()).isEqualTo(acceptedBefore);
        assertThat(resumedStats.snapshot().accepted()).isEqualTo(acceptedBefore);

        EvolRunner.Result second = runner(settings(null, false), new ScriptedTeacher(script), journal, resumedStats,
                2, () -> false).run(state.originalsToWrite(), state.lineages(), state.accepted());
        assertThat(second.ending()).isEqualTo(EvolRunner.Ending.COMPLETE);
        Set<String> ids = new HashSet<>();
        journal.accepted.forEach(e -> assertThat(ids.add(e.id())).as("duplicate %s", e.id()).isTrue());
        assertThat(ids).containsExactlyInAnyOrder("a.r1", "a.r2", "a.r3", "a.r4", "b.r1", "b.r2", "b.r3", "b.r4",
                "c.r1", "c.r2", "c.r3", "c.r4");
        assertThat(resumedStats.snapshot().attempted()).isEqualTo(12);
    }

    @Test
    void theSameSeedDrawsTheSameOperationsWhateverTheConcurrency() {
        Map<String, String> serial = operations(1);
        Map<String, String> parallel = operations(3);
        assertThat(parallel).isEqualTo(serial);
        assertThat(new HashSet<>(serial.values())).hasSizeGreaterThan(2);
    }

    private Map<String, String> operations(int concurrency) {
        Script script = new Script();
        MemoryJournal journal = new MemoryJournal();
        runner(settings(null, false), new ScriptedTeacher(script), journal, new EvolutionStats(), concurrency,
                () -> false).run(List.of(), inputs.stream().map(EvolInput::lineage).toList(), 0);
        Map<String, String> ops = new HashMap<>();
        journal.accepted.forEach(e -> ops.put(e.id(), e.provenance().evolution().operation()));
        return ops;
    }

    @Test
    void aFatalTeacherFailureStopsTheRunAndIsRethrown() {
        ScriptedTeacher teacher = new ScriptedTeacher(r -> {
            throw new FatalTeacherException(404, "model 'nope' not found at localhost:1 (HTTP 404)", null);
        });
        MemoryJournal journal = new MemoryJournal();
        assertThatThrownBy(() -> runner(settings(null, false), teacher, journal, new EvolutionStats(), 2,
                () -> false).run(List.of(), inputs.stream().map(EvolInput::lineage).toList(), 0))
                .isInstanceOf(FatalTeacherException.class).hasMessageContaining("not found");
        assertThat(journal.checkpoint).isNotNull();
        assertThat(teacher.requests.size()).isLessThanOrEqualTo(2);
    }
}
