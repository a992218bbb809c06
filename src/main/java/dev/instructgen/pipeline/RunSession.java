package dev.instructgen.pipeline;

import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.report.DatasetCard;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.pricing.Price;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one lifecycle of a generating run, the same for every {@link GenerationMethod}: build the spec, assemble
 * the run (fresh or resumed), say so on resume, run the method's stages on the {@link RunLoop} with progress and
 * interrupt handling, write the final stats and DATASET_CARD.md. The command maps the outcome to its exit code.
 */
public final class RunSession {

    /**
     * What every generating command shares.
     *
     * @param target           --target, or null for the method's default
     * @param interactive      a terminal is attached (a progress bar rather than plain lines)
     * @param handleSignals    install Ctrl-C/SIGTERM handling (the CLI does; tests in a shared JVM may not)
     */
    public record Options(Path out, TeacherSettings teacher, Long target, Budget budget, long randomSeed,
                          Duration progressInterval, boolean interactive, boolean handleSignals) {
    }

    /**
     * The teacher's terms and price, settled before any request.
     *
     * @param requireCommercial whether --require-commercial was given (recorded in the manifest)
     */
    public record Licensing(TeacherTerms terms, String policyVersion, boolean requireCommercial, Price price) {
    }

    private final Options options;
    private final Licensing licensing;
    private final Function<Consumer<String>, RunAssembly.Parts> parts;
    private final Clock clock;
    private final PrintWriter err;
    private final Consumer<Path> directoryOpened;

    /**
     * @param parts the run's parts given the warning sink (production: {@link RunAssembly#productionParts})
     */
    public RunSession(Options options, Licensing licensing, Function<Consumer<String>, RunAssembly.Parts> parts,
                      Clock clock, PrintWriter err) {
        this(options, licensing, parts, clock, err, dir -> { });
    }

    /**
     * @param directoryOpened told once the run directory is open and locked by this process (e.g. to start
     *                        run.log there)
     */
    public RunSession(Options options, Licensing licensing, Function<Consumer<String>, RunAssembly.Parts> parts,
                      Clock clock, PrintWriter err, Consumer<Path> directoryOpened) {
        this.options = options;
        this.licensing = licensing;
        this.parts = parts;
        this.clock = clock;
        this.err = err;
        this.directoryOpened = directoryOpened;
    }

    /** The spec the method's run is assembled from. */
    public RunSpec spec(GenerationMethod method) {
        Long target = options.target() != null ? options.target() : method.defaultTarget();
        RunSpec.Builder builder = RunSpec.builder(method.id()).out(options.out()).teacher(options.teacher())
                .budget(options.budget()).randomSeed(options.randomSeed());
        if (target != null) {
            builder.target(target);
        }
        method.configure(builder, licensing);
        return builder.build();
    }

    /** How a run stopped, and the examples in examples.jsonl at that moment. */
    public record Finished(RunOutcome outcome, long accepted) {
    }

    /** Runs the method to a stop; the card is written whatever the outcome, so an interrupted run has one too. */
    public Finished run(GenerationMethod method) {
        RunSpec spec = spec(method);
        Consumer<String> warnings = message -> {
            err.println("warning: " + message);
            err.flush();
        };
        try (RunContext ctx = RunAssembly.assemble(spec, parts.apply(warnings))) {
            directoryOpened.accept(options.out());
            if (ctx.resumed()) {
                err.println("resuming run " + ctx.runId() + ": " + ctx.restoredExamples().size() + " of "
                        + spec.target() + " examples already accepted");
            }
            ProgressReporter progress = ProgressReporter.forEnvironment(options.interactive(), err,
                    options.progressInterval(), clock);
            RunOutcome outcome;
            try (GenerationMethod.MethodRun run = method.start(ctx)) {
                StageGraph graph = run.stages();
                outcome = new RunLoop(ctx, progress, options.handleSignals())
                        .run(scheduler -> run.source(graph.bind(scheduler)));
            }
            ctx.journal().writeText("DATASET_CARD.md", new DatasetCard().render(DatasetCardFacts.of(ctx, outcome,
                    method, licensing)));
            ctx.journal().flush();
            return new Finished(outcome, ctx.stats().snapshot(outcome).accepted());
        }
    }
}
