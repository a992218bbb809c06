package dev.instructgen.pipeline;

import dev.instructgen.testing.MemoryJournal;
import dev.instructgen.testing.MutableClock;
import dev.instructgen.testing.ScriptedTeacher;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.teacher.FatalTeacherException;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.text.TokenizerKind;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RunLoopTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T22:00:00Z"));
    private final MemoryJournal journal = new MemoryJournal();
    private final ScriptedTeacher teacher = new ScriptedTeacher().named("fake-model");
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    private RunSpec spec(long target, Budget budget, int concurrency) {
        TeacherSettings teacherSettings = new TeacherSettings(TeacherApi.OPENAI, URI.create("http://localhost:8000/v1"),
                "fake-model", "OPENAI_API_KEY", concurrency, Duration.ofSeconds(30), 0, 0, Duration.ofMinutes(10));
        return RunSpec.builder(MethodId.SELF_INSTRUCT).out(Path.of("out")).teacher(teacherSettings).target(target)
                .budget(budget).randomSeed(7).novelty(TokenizerKind.UNICODE, 0.7).settings(() -> Map.of("k", "v"))
                .prompts(Map.of("stage", "t.txt@abc")).grace(Duration.ofSeconds(5)).build();
    }

    private RunContext assemble(RunSpec spec, JournalOpener opener) {
        return RunAssembly.assemble(spec, new RunAssembly.Parts(
                (settings, metrics) -> teacher.reportingTo(metrics), opener, id -> usage -> 0.01,
                id -> sources -> new LicenseInfo("CC0-1.0", null, List.of(), List.of()), clock, warnings::add));
    }

    /** A source whose every job asks the teacher once and accepts one example. */
    private static JobSource oneExamplePerRequest(RunContext ctx, AtomicInteger ids) {
        return () -> new Job() {
            @Override
            public String stage() {
                return "generate";
            }

            @Override
            public int priority() {
                return Priorities.PROPOSE;
            }

            @Override
            public void run() {
                var reply = ctx.teacher().complete(TeacherRequest.ofUserPrompt("generate", "go", Sampling.greedy(5)));
                String id = "e" + ids.incrementAndGet();
                ctx.accept(new Example(id, "instruction " + id, "", reply.text(), MethodId.SELF_INSTRUCT, id, false,
                        new Provenance(ctx.runId(), ctx.now(), ctx.teacherRef(), Map.of(), List.of(), null, null,
                                Provenance.Usage.of(reply.usage())),
                        ctx.licenseTagger().tag(List.of())));
            }
        };
    }

    @Test
    void writesExactlyTheTargetAndFinalStatsUnderConcurrency() {
        teacher.on("generate", r -> ScriptedTeacher.reply("out"));
        RunContext ctx = assemble(spec(137, Budget.UNLIMITED, 12), journal.fresh());
        AtomicInteger ids = new AtomicInteger();

        RunOutcome outcome = new RunLoop(ctx, new PlainProgressReporter(new java.io.PrintWriter(
                new java.io.StringWriter()), Duration.ofSeconds(30), clock), false)
                .run(s -> oneExamplePerRequest(ctx, ids));
        ctx.close();

        assertThat(outcome.reason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(journal.examples).hasSize(137);
        assertThat(journal.examples.stream().map(Example::id).distinct().count()).isEqualTo(137);
        assertThat(journal.lastStats().status()).isEqualTo("completed");
        assertThat(journal.lastStats().accepted()).isEqualTo(137);
        assertThat(journal.lastStats().stopReason()).isEqualTo("target_reached");
        assertThat(journal.closed).isTrue();
    }

    @Test
    void aCostBudgetStopsTheRunResumably() {
        teacher.on("generate", r -> ScriptedTeacher.reply("out"));
        // $0.01 per request: the budget allows 10 requests, give or take those already in flight
        RunContext ctx = assemble(spec(1000, new Budget(0.10, null), 1), journal.fresh());

        RunOutcome outcome = new RunLoop(ctx, new PlainProgressReporter(new java.io.PrintWriter(
                new java.io.StringWriter()), Duration.ofSeconds(30), clock), false)
                .run(s -> oneExamplePerRequest(ctx, new AtomicInteger()));

        assertThat(outcome.reason()).isEqualTo(StopReason.BUDGET_COST);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.detail()).contains("cost budget of $0.1000 reached");
        assertThat(teacher.requests()).hasSize(10);
        assertThat(journal.lastStats().status()).isEqualTo("stopped");
    }

    @Test
    void aFatalTeacherErrorEndsTheRunAfterOneRequest() {
        teacher.on("generate", r -> {
            throw new FatalTeacherException(404, "model 'nope' not found at localhost:8000 (HTTP 404)", null);
        });
        RunContext ctx = assemble(spec(10, Budget.UNLIMITED, 1), journal.fresh());

        RunOutcome outcome = new RunLoop(ctx, new PlainProgressReporter(new java.io.PrintWriter(
                new java.io.StringWriter()), Duration.ofSeconds(30), clock), false)
                .run(s -> oneExamplePerRequest(ctx, new AtomicInteger()));

        assertThat(outcome.reason()).isEqualTo(StopReason.TEACHER_FATAL);
        assertThat(outcome.failure()).isInstanceOf(FatalTeacherException.class);
        assertThat(teacher.requests()).hasSize(1);
        assertThat(journal.lastStats().status()).isEqualTo("failed");
    }

    @Test
    void aResumedRunKeepsItsIdAndCountsOnlyTheMissingExamples() {
        teacher.on("generate", r -> ScriptedTeacher.reply("out"));
        RunContext first = assemble(spec(3, Budget.UNLIMITED, 1), journal.fresh());
        new RunLoop(first, new PlainProgressReporter(new java.io.PrintWriter(new java.io.StringWriter()),
                Duration.ofSeconds(30), clock), false).run(s -> oneExamplePerRequest(first, new AtomicInteger()));
        List<Example> earlier = List.copyOf(journal.examples);

        MemoryJournal second = new MemoryJournal();
        RunContext ctx = assemble(spec(5, Budget.UNLIMITED, 1),
                second.resumed(first.runId(), earlier, Map.of(), null));
        RunOutcome outcome = new RunLoop(ctx, new PlainProgressReporter(new java.io.PrintWriter(
                new java.io.StringWriter()), Duration.ofSeconds(30), clock), false)
                .run(s -> oneExamplePerRequest(ctx, new AtomicInteger(100)));

        assertThat(outcome.reason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(ctx.runId()).isEqualTo(first.runId());
        assertThat(second.examples).hasSize(5);
        assertThat(teacher.requests()).hasSize(3 + 2);
    }
}
