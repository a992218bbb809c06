package dev.instructgen.method.evol;

import dev.instructgen.testing.MemoryJournal;
import dev.instructgen.testing.ScriptedTeacher;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.Budget;
import dev.instructgen.pipeline.CostModel;
import dev.instructgen.pipeline.PlainProgressReporter;
import dev.instructgen.pipeline.RunAssembly;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.RunOutcome;
import dev.instructgen.pipeline.RunSpec;
import dev.instructgen.pipeline.StopReason;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.text.TokenizerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much the Evol-Instruct machinery itself costs (chains, draws, elimination checks, engine jobs, checkpoints)
 * with a teacher that answers at once: Alpaca's 52,000 instructions, two rounds, concurrency 64, a checkpoint
 * every second. Run with {@code mvn -q -B -o test -Dtest=EvolMachineryBenchmark -Dinstructgen.benchmark=true}; the figures go to
 * standard error.
 */
@EnabledIfSystemProperty(named = "instructgen.benchmark", matches = "true")
class EvolMachineryBenchmark {

    @Test
    void fiftyTwoThousandInstructionsTwoRounds() {
        int n = 52_000;
        List<EvolInput> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inputs.add(new EvolInput("t" + i, "Describe item number " + i + " of the museum catalogue in detail.",
                    "", "x", false, new SeedSource("s", "CC0-1.0"), null));
        }
        ScriptedTeacher teacher = ScriptedTeacher.answering(r -> {
            if (r.stage().equals(EvolutionStep.STAGE_JUDGE)) {
                return ScriptedTeacher.brief("Not Equal");
            }
            if (r.stage().equals(EvolutionStep.STAGE_RESPONSE)) {
                return ScriptedTeacher.brief("A detailed answer about the item, with three facts.");
            }
            String instruction = TaggedPrompts.variable(ScriptedTeacher.prompt(r), "instruction");
            return ScriptedTeacher.brief(instruction + " Add one more constraint here.");
        });
        MemoryJournal journal = new MemoryJournal();
        Sampling s = new Sampling(1.0, 0.95, 512, null, List.of());
        EvolSettings settings = new EvolSettings(2, OperationWeights.uniform(), 42, s, s, true, null, null, false);
        TeacherSettings ts = new TeacherSettings(TeacherApi.OPENAI, URI.create("http://localhost:1/v1"), "scripted",
                "OPENAI_API_KEY", 64, Duration.ofSeconds(30), 0, 0, Duration.ofMinutes(1));
        RunSpec spec = RunSpec.builder(MethodId.EVOL_INSTRUCT).out(Path.of("out")).teacher(ts).target((long) n * 2)
                .randomSeed(42).novelty(TokenizerKind.ROUGE_SCORE, 1.0).settings(() -> Map.of("rounds", 2))
                .grace(Duration.ofSeconds(5)).build();
        Clock clock = Clock.systemUTC();
        RunContext ctx = RunAssembly.assemble(spec, new RunAssembly.Parts((x, m) -> teacher.reportingTo(m),
                journal.reopened(), id -> CostModel.FREE,
                id -> src -> new LicenseInfo("CC0-1.0", true, List.of(), List.of()), clock, w -> { }));
        long start = System.nanoTime();
        RunOutcome outcome = new EvolRun(ctx, settings, new TaggedPrompts(), Duration.ofSeconds(1)).run(inputs,
                new PlainProgressReporter(new PrintWriter(new StringWriter()), Duration.ofHours(1), clock), false);
        double seconds = (System.nanoTime() - start) / 1e9;
        ctx.close();
        System.gc();
        long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
        System.err.printf("evol machinery: %d evolutions (%d requests) in %.2f s = %.0f evolutions/s, "
                        + "heap after %d MB (fakes keep every request and example in memory)%n",
                journal.examples.size(), teacher.requests().size(), seconds, journal.examples.size() / seconds, heapMb);
        assertThat(outcome.reason()).isEqualTo(StopReason.TARGET_REACHED);
        assertThat(journal.examples).hasSize(2 * n);
    }
}
