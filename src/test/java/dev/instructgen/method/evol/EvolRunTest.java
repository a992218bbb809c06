package dev.instructgen.method.evol;

import dev.instructgen.testing.MemoryJournal;
import dev.instructgen.testing.ScriptedTeacher;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.licensing.LicenseTagger;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.Budget;
import dev.instructgen.pipeline.CostModel;
import dev.instructgen.pipeline.PlainProgressReporter;
import dev.instructgen.pipeline.RunAssembly;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.RunOutcome;
import dev.instructgen.pipeline.RunSpec;
import dev.instructgen.pipeline.StopReason;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.FaultKind;
import dev.instructgen.teacher.RetriableTeacherException;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherReply;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.text.TokenizerKind;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
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

class EvolRunTest {

    private static final SeedSource SEEDS = new SeedSource("seeds.jsonl", "CC0-1.0");
    private static final LicenseTagger TAGGER = sources -> new LicenseInfo(
            sources.iterator().next().license(), true, List.of(), List.of());
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private final List<EvolInput> inputs = List.of(
            new EvolInput("a", "Name a colour.", "", "Red.", false, SEEDS, null),
            new EvolInput("b", "Summarise the text.", "Cats sleep a lot.", "Cats nap.", false, SEEDS, null),
            new EvolInput("c", "Add 2 and 3.", "", "5", false, SEEDS, null));
    private final MemoryJournal journal = new MemoryJournal();

    /**
     * Each rewrite appends a numbered clause; the judge always says Not Equal. While {@code apologiseOnce} is set,
     * the first answer to an evolution of input "a" is an apology, so that evolution is eliminated and "a" goes
     * back into the pool.
     */
    private static final class Script implements Function<TeacherRequest, TeacherReply> {
        final AtomicInteger clauses = new AtomicInteger();
        final Map<String, AtomicInteger> evolvedTimes = new ConcurrentHashMap<>();
        final AtomicBoolean apologiseOnce = new AtomicBoolean();

        @Override
        public TeacherReply apply(TeacherRequest r) {
            String prompt = ScriptedTeacher.prompt(r);
            if (r.stage().equals(EvolutionStep.STAGE_JUDGE)) {
                return ScriptedTeacher.brief("Not Equal");
            }
            String instruction = TaggedPrompts.variable(prompt, "instruction");
            if (r.stage().equals(EvolutionStep.STAGE_RESPONSE)) {
                boolean apologise = instruction.startsWith("Name a colour.")
                        && apologiseOnce.compareAndSet(true, false);
                return ScriptedTeacher.brief(apologise ? "Sorry." : "Answer to: " + instruction);
            }
            evolvedTimes.computeIfAbsent(instruction, k -> new AtomicInteger()).incrementAndGet();
            return ScriptedTeacher.brief(instruction + " Also mention clause #" + clauses.incrementAndGet()
                    + " with extra detail.");
        }
    }

    private static EvolSettings settings(Integer target, boolean keepOriginals) {
        Sampling s = new Sampling(1.0, 0.95, 512, null, List.of());
        return new EvolSettings(4, OperationWeights.uniform(), 42, s, s, true, null, target, keepOriginals);
    }

    private RunOutcome run(EvolSettings settings, ScriptedTeacher teacher, int concurrency, Budget budget) {
        return run(settings, teacher, concurrency, budget, new java.util.ArrayList<>());
    }

    /** @param notes receives the notes the run leaves for the dataset card */
    private RunOutcome run(EvolSettings settings, ScriptedTeacher teacher, int concurrency, Budget budget,
                           List<String> notes) {
        TeacherSettings ts = new TeacherSettings(TeacherApi.OPENAI, URI.create("http://localhost:1/v1"), "scripted",
                "OPENAI_API_KEY", concurrency, Duration.ofSeconds(30), 0, 0, Duration.ofMinutes(1));
        RunSpec spec = RunSpec.builder(MethodId.EVOL_INSTRUCT).out(Path.of("out")).teacher(ts)
                .target(settings.target() == null ? Long.MAX_VALUE : settings.target()).budget(budget)
                .randomSeed(settings.randomSeed()).novelty(TokenizerKind.ROUGE_SCORE, 0.7)
                .settings(() -> Map.of("rounds", 4)).grace(Duration.ofSeconds(5)).build();
        RunContext ctx = RunAssembly.assemble(spec, new RunAssembly.Parts((s, metrics) -> teacher.reportingTo(metrics),
                journal.reopened(), id -> CostModel.FREE, id -> TAGGER, CLOCK, w -> { }));
        try {
            return new EvolRun(ctx, settings, new TaggedPrompts(), Duration.ZERO).run(inputs,
                    new PlainProgressReporter(new PrintWriter(new StringWriter()), Duration.ofHours(1), CLOCK), false);
        } finally {
            notes.addAll(ctx.stats().notes());
            ctx.close();
        }
    }

    @SuppressWarnings("unchecked")
    private EvolutionStats.Snapshot evolutionSection() {
        return (EvolutionStats.Snapshot) journal.lastStats().sections().get("evolution");
    }

    @Test
    void evolvesEveryInputForEveryRoundAndChainsEachChildToItsParent() {
        RunOutcome outcome = run(settings(null, false), ScriptedTeacher.answering(new Script()), 3, Budget.UNLIMITED);

        assertThat(outcome.reason()).isEqualTo(StopReason.SOURCE_EXHAUSTED);
        assertThat(journal.examples).hasSize(12);
        Map<String, Example> byId = journal.examples.stream().collect(Collectors.toMap(Example::id, e -> e));
        for (Example e : journal.examples) {
            assertThat(e.method()).isEqualTo(MethodId.EVOL_INSTRUCT);
            String parent = e.provenance().parents().get(0);
            int round = e.provenance().evolution().round();
            if (round == 1) {
                assertThat(parent).isIn("a", "b", "c");
            } else {
                assertThat(byId.get(parent).provenance().evolution().round()).isEqualTo(round - 1);
                assertThat(e.instruction()).startsWith(byId.get(parent).instruction());
            }
            assertThat(e.license().license()).isEqualTo("CC0-1.0");
            assertThat(e.provenance().prompts()).containsOnlyKeys("evolve", "judge", "response");
        }
        assertThat(byId.get("b.r1").instruction()).startsWith("Summarise the text.\n\nCats sleep a lot.");
        assertThat(evolutionSection().attempted()).isEqualTo(12);
        assertThat(evolutionSection().accepted()).isEqualTo(12);
        ChainCheckpoint cp = (ChainCheckpoint) journal.checkpoints.get(EvolRun.CHECKPOINT);
        assertThat(cp.chains().values()).hasSize(inputs.size())
                .allSatisfy(c -> assertThat(c.roundsDone()).isEqualTo(4));
    }

    @Test
    void aFailedEvolutionReturnsItsParentToThePoolAndTheNextRoundEvolvesItAgain() {
        Script script = new Script();
        script.apologiseOnce.set(true);
        run(settings(null, false), ScriptedTeacher.answering(script), 1, Budget.UNLIMITED);

        assertThat(journal.rejections).singleElement().satisfies(r -> {
            assertThat(r.reason().code()).isEqualTo("response_apology");
            assertThat(r.id()).isEqualTo("a.r1");
            assertThat(r.stage()).startsWith("evol-");
            assertThat(r.parents()).containsExactly("a");
            assertThat(r.output()).isEqualTo("Sorry.");
        });
        Example secondTry = journal.examples.stream().filter(e -> e.id().equals("a.r2")).findFirst().orElseThrow();
        assertThat(secondTry.provenance().parents()).containsExactly("a");
        assertThat(secondTry.provenance().evolution().round()).isEqualTo(2);
        assertThat(script.evolvedTimes.get("Name a colour.").get()).isEqualTo(2);
        assertThat(journal.examples).extracting(Example::id).doesNotContain("a.r1").hasSize(11);

        EvolutionStats.Snapshot s = evolutionSection();
        assertThat(s.attempted()).isEqualTo(12);
        assertThat(s.accepted()).isEqualTo(11);
        assertThat(s.eliminated()).containsExactly(Map.entry("response_apology", 1L));
        assertThat(s.byRound().get(1).eliminated).containsEntry("response_apology", 1L);
        assertThat(s.byOperation().values().stream().mapToLong(c -> c.attempted).sum()).isEqualTo(12);
        assertThat(journal.lastStats().rejected()).containsEntry("response_apology", 1L);
    }

    @Test
    void theCardIsToldWhenMoreThanFivePercentOfTheJudgesVerdictsCouldNotBeRead() {
        Script readable = new Script();
        ScriptedTeacher mumbling = ScriptedTeacher.answering(r -> r.stage().equals(EvolutionStep.STAGE_JUDGE)
                ? ScriptedTeacher.brief("Both have merit, hard to say.") : readable.apply(r));
        List<String> notes = new java.util.ArrayList<>();

        run(settings(null, false), mumbling, 2, Budget.UNLIMITED, notes);

        assertThat(evolutionSection().judgeUnclear()).isEqualTo(evolutionSection().judged()).isPositive();
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("could not be read for "
                + evolutionSection().judged() + " of " + evolutionSection().judged() + " rewrites (100.0%)"));
    }

    @Test
    void aReadableJudgeLeavesNoNoteOnTheCard() {
        List<String> notes = new java.util.ArrayList<>();

        run(settings(null, false), ScriptedTeacher.answering(new Script()), 2, Budget.UNLIMITED, notes);

        assertThat(notes).noneSatisfy(n -> assertThat(n).contains("equality judge"));
    }

    @Test
    void stopsAtExactlyTheTargetUnderConcurrencyCountingKeptOriginals() {
        RunOutcome outcome = run(settings(5, true), ScriptedTeacher.answering(new Script()), 4, Budget.UNLIMITED);

        assertThat(outcome.reason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(journal.examples).hasSize(5);
        assertThat(journal.examples.subList(0, 3)).extracting(Example::method).containsOnly(MethodId.SEED);
        assertThat(journal.examples.subList(0, 3)).extracting(Example::input)
                .containsExactly("", "Cats sleep a lot.", "");
        assertThat(journal.examples.get(0).provenance().teacher()).isNull();
    }

    @Test
    void aRunStoppedByItsBudgetResumesWithoutRepeatingOrSkippingRounds() {
        Script script = new Script();
        RunOutcome first = run(settings(null, false), ScriptedTeacher.answering(script), 2, new Budget(null, 150L));
        assertThat(first.reason()).isEqualTo(StopReason.BUDGET_TOKENS);
        assertThat(first.exitCode()).isEqualTo(3);
        int acceptedBefore = journal.examples.size();
        assertThat(acceptedBefore).isBetween(1, 11);

        RunOutcome second = run(settings(null, false), ScriptedTeacher.answering(script), 2, Budget.UNLIMITED);
        assertThat(second.reason()).isEqualTo(StopReason.SOURCE_EXHAUSTED);
        assertEveryRoundOnceAndEveryIdOnce();
        assertThat(evolutionSection().attempted()).isEqualTo(12);
    }

    @Test
    void resumesFromExamplesAloneWhenTheCheckpointIsMissing() {
        Script script = new Script();
        run(settings(null, false), ScriptedTeacher.answering(script), 2, new Budget(null, 150L));
        journal.checkpoints.clear();

        run(settings(null, false), ScriptedTeacher.answering(script), 2, Budget.UNLIMITED);
        assertEveryRoundOnceAndEveryIdOnce();
    }

    private void assertEveryRoundOnceAndEveryIdOnce() {
        Set<String> ids = new HashSet<>();
        journal.examples.forEach(e -> assertThat(ids.add(e.id())).as("duplicate %s", e.id()).isTrue());
        assertThat(ids).containsExactlyInAnyOrder("a.r1", "a.r2", "a.r3", "a.r4", "b.r1", "b.r2", "b.r3", "b.r4",
                "c.r1", "c.r2", "c.r3", "c.r4");
    }

    @Test
    void theSameSeedDrawsTheSameOperationsWhateverTheConcurrency() {
        Map<String, String> serial = operations(1);
        journal.examples.clear();
        journal.checkpoints.clear();
        Map<String, String> parallel = operations(3);
        assertThat(parallel).isEqualTo(serial);
        assertThat(new HashSet<>(serial.values())).hasSizeGreaterThan(2);
    }

    private Map<String, String> operations(int concurrency) {
        run(settings(null, false), ScriptedTeacher.answering(new Script()), concurrency, Budget.UNLIMITED);
        Map<String, String> ops = new HashMap<>();
        journal.examples.forEach(e -> ops.put(e.id(), e.provenance().evolution().operation()));
        return ops;
    }

    @Test
    void aRequestThatFailsAfterItsRetriesEliminatesThatEvolutionOnly() {
        Script script = new Script();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        ScriptedTeacher teacher = ScriptedTeacher.answering(r -> {
            if (r.stage().equals(EvolutionStep.STAGE_JUDGE) && failOnce.compareAndSet(true, false)) {
                throw new RetriableTeacherException(FaultKind.SERVER_ERROR, "HTTP 503 after 3 attempts", null, null);
            }
            return script.apply(r);
        });
        RunOutcome outcome = run(settings(null, false), teacher, 1, Budget.UNLIMITED);

        assertThat(outcome.reason()).isEqualTo(StopReason.SOURCE_EXHAUSTED);
        assertThat(journal.rejections).singleElement().satisfies(r -> {
            assertThat(r.reason().code()).isEqualTo("teacher_error");
            assertThat(r.detail()).contains("HTTP 503");
            assertThat(r.id()).isEqualTo("a.r1");
        });
        assertThat(journal.examples).hasSize(11);
    }

    @Test
    void aFatalTeacherFailureEndsTheRunAndKeepsTheChainsResumable() {
        ScriptedTeacher teacher = ScriptedTeacher.answering(r -> {
            throw new FatalTeacherException(404, "model 'nope' not found at localhost:1 (HTTP 404)", null);
        });
        RunOutcome outcome = run(settings(null, false), teacher, 2, Budget.UNLIMITED);

        assertThat(outcome.reason()).isEqualTo(StopReason.TEACHER_FATAL);
        assertThat(outcome.detail()).contains("not found");
        ChainCheckpoint cp = (ChainCheckpoint) journal.checkpoints.get(EvolRun.CHECKPOINT);
        assertThat(cp.chains().values()).hasSize(inputs.size())
                .allSatisfy(c -> assertThat(c.roundsDone()).isZero());
        List<Rejection> none = journal.rejections;
        assertThat(none).isEmpty();
    }
}
