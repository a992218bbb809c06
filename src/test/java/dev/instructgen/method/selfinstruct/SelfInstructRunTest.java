package dev.instructgen.method.selfinstruct;

import dev.instructgen.testing.MemoryJournal;
import dev.instructgen.testing.ScriptedTeacher;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.dataset.Example;
import dev.instructgen.filter.InstructionFilterSettings;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.Budget;
import dev.instructgen.testing.MutableClock;
import dev.instructgen.pipeline.PlainProgressReporter;
import dev.instructgen.pipeline.RunAssembly;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.RunLoop;
import dev.instructgen.pipeline.RunOutcome;
import dev.instructgen.pipeline.RunSpec;
import dev.instructgen.pipeline.StopReason;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.text.RougeL;
import dev.instructgen.text.Tokenizer;
import dev.instructgen.text.TokenizerKind;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The Self-Instruct stages on the engine with a scripted teacher: exact target under concurrency, novelty. */
class SelfInstructRunTest {

    private static final String[] WORDS = {"river", "budget", "poem", "orbit", "recipe", "lawyer", "tennis", "cloud",
            "violin", "harvest", "glacier", "market", "engine", "sonnet", "protein", "ladder", "compass", "festival",
            "pottery", "volcano", "theorem", "museum", "parrot", "bakery", "satellite", "canyon", "sketchbook",
            "lantern", "marathon", "vaccine"};
    private static final String[] VERBS = {"Explain", "Summarize", "Compare", "Describe", "List", "Suggest",
            "Classify", "Rewrite", "Evaluate", "Outline"};

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T22:00:00Z"));
    private final MemoryJournal journal = new MemoryJournal();
    private final ScriptedTeacher teacher = new ScriptedTeacher().named("fake-model");
    private final AtomicInteger counter = new AtomicInteger();

    /** Seven fresh instructions from random words, plus one that repeats the first. */
    private String list(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        String first = null;
        // items 9 to 14 are new and item 15 repeats item 9: one call yields at most 7 (the reference stops at 16)
        for (int i = 0; i < 6; i++) {
            StringBuilder s = new StringBuilder(VERBS[random.nextInt(VERBS.length)]);
            for (int w = 0; w < 7; w++) {
                s.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            }
            s.append(" number ").append(counter.incrementAndGet()).append('.');
            first = first == null ? s.toString() : first;
            sb.append(9 + i).append(". ").append(s).append('\n');
        }
        sb.append("15. ").append(first);
        return sb.toString();
    }

    private RunContext context(long target, int concurrency) {
        TeacherSettings settings = new TeacherSettings(TeacherApi.OLLAMA, URI.create("http://localhost:11434"),
                "fake-model", null, concurrency, Duration.ofSeconds(30), 0, 0, Duration.ofMinutes(10));
        RunSpec spec = RunSpec.builder(MethodId.SELF_INSTRUCT).out(Path.of("out")).teacher(settings).target(target)
                .randomSeed(5).novelty(TokenizerKind.UNICODE, 0.7).grace(Duration.ofSeconds(5)).build();
        return RunAssembly.assemble(spec, new RunAssembly.Parts((s, m) -> teacher.reportingTo(m), journal.fresh(),
                id -> usage -> 0.0, id -> sources -> new LicenseInfo("CC0-1.0", null, List.of(),
                List.of(LicenseInfo.Source.seed("seeds.jsonl", "CC0-1.0"))), clock, w -> { }));
    }

    private RunOutcome run(RunContext ctx, int instancesPerTask) {
        List<PoolEntry> seeds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String instruction = "Seed task about topic " + i + " with several plain words";
            seeds.add(new PoolEntry("seed_task_" + i, instruction, true, Set.of(new SeedSource("seeds.jsonl",
                    "CC0-1.0"))));
            ctx.novelty().add("seed_task_" + i, instruction);
        }
        TaskPool pool = new TaskPool(seeds);
        SelfInstructPrompts prompts = new SelfInstructPrompts(PromptLibrary.shipped());
        return new RunLoop(ctx, new PlainProgressReporter(new PrintWriter(new StringWriter()), Duration.ofSeconds(30),
                clock), false).run(scheduler -> {
                    SelfInstructRun run = new SelfInstructRun(ctx, pool, prompts,
                            SelfInstructSettings.defaults(instancesPerTask),
                            SelfInstructFilters.of(InstructionFilterSettings.defaults(), ctx.novelty(), pool,
                                    instancesPerTask), "si-");
                    return run.source(run.stages().bind(scheduler));
                });
    }

    private void scriptTeacher() {
        SplittableRandom random = new SplittableRandom(11);
        teacher.on("instruction-generation", r -> {
            synchronized (random) {
                return ScriptedTeacher.reply(list(random));
            }
        });
        teacher.on("classification", r -> ScriptedTeacher.reply(r.messages().get(0).content().contains("Classify")
                ? "Yes" : "No"));
        teacher.on("instance-generation", r -> {
            int n = counter.incrementAndGet();
            return ScriptedTeacher.reply(r.messages().get(0).content().contains("Class label:")
                    ? "Class label: A\nInput: first " + n + "\nClass label: B\nInput: second " + n
                    + "\nClass label: C\nInput: third " + n
                    : "Example 1\nInput: x" + n + "\nOutput: y" + n + "\nExample 2\nInput: p" + n + "\nOutput: q" + n
                    + "\nExample 3\nInput: r" + n + "\nOutput: s" + n);
        });
    }

    @Test
    void writesExactlyTheTargetWithNovelInstructionsUnderConcurrency() {
        scriptTeacher();
        RunContext ctx = context(157, 16);

        RunOutcome outcome = run(ctx, 3);
        ctx.close();

        assertThat(outcome.reason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(journal.examples).hasSize(157);
        assertThat(journal.examples).extracting(Example::id).doesNotHaveDuplicates();
        List<String> instructions = journal.examples.stream().map(Example::instruction).distinct().toList();
        Tokenizer tokenizer = Tokenizer.of(TokenizerKind.UNICODE);
        for (int i = 0; i < instructions.size(); i++) {
            for (int j = i + 1; j < instructions.size(); j++) {
                assertThat(RougeL.f1(tokenizer.tokenize(instructions.get(i)), tokenizer.tokenize(instructions.get(j))))
                        .isLessThanOrEqualTo(0.7);
            }
        }
        assertThat(journal.examples).allSatisfy(e -> {
            assertThat(e.provenance().parents()).hasSize(8);
            assertThat(e.taskId()).startsWith("si-");
            assertThat(e.id()).startsWith(e.taskId() + "-");
        });
        assertThat(journal.examples.stream().filter(Example::isClassification)).isNotEmpty();
        assertThat(journal.rejections).extracting(r -> r.reason().code()).contains("too_similar");
    }

    @Test
    void holdsBackProposalsWhenEnoughTasksArePendingForTheTarget() {
        scriptTeacher();
        RunContext ctx = context(3, 8);

        RunOutcome outcome = run(ctx, 1);

        assertThat(outcome.reason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(journal.examples).hasSize(3);
        // the first list alone yields seven tasks, more than enough for three examples
        assertThat(teacher.requests("instruction-generation")).hasSize(1);
    }
}
