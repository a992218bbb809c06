package dev.instructgen.cli;

import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.licensing.CombiningLicenseTagger;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.Budget;
import dev.instructgen.pipeline.GenerationMethod;
import dev.instructgen.pipeline.RunAssembly;
import dev.instructgen.pipeline.RunOutcome;
import dev.instructgen.pipeline.RunSession;
import dev.instructgen.pipeline.RunSpec;
import dev.instructgen.storage.RunLog;
import dev.instructgen.teacher.TeacherSettings;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;

/**
 * What every generating command does once it has read its options into a {@link GenerationMethod}: settle the
 * teacher's terms and price (refusing --require-commercial before any request), then either print the dry run or
 * run the {@link RunSession} and map its outcome to the exit code.
 */
final class GenerationRun {

    private GenerationRun() {
    }

    static int run(GenerationMethod method, GenerationOptions options, ConfigOption config, PrintWriter out,
                   PrintWriter err, Clock clock) {
        // run.log gets what the console shows, from the first line; it is written once the run directory is ours
        try (RunLog log = RunLog.forEnvironment(clock, System.getenv())) {
            return run(method, options, config, log.tee(out), log.tee(err), clock, log);
        }
    }

    private static int run(GenerationMethod method, GenerationOptions options, ConfigOption config,
                           PrintWriter out, PrintWriter err, Clock clock, RunLog log) {
        TeacherSettings synchronousTeacher = options.teacherSettings(config.file());
        var batch = options.batch.settings(synchronousTeacher);
        TeacherSettings teacher = BatchOptions.forRun(synchronousTeacher, batch);
        var settled = TeacherTermsAndPrice.settle(teacher.identity(), method.seedSources(), options, config.file(),
                err);
        warnUnknownSeedLicenses(method, err);
        RunSession.Licensing licensing = new RunSession.Licensing(settled.terms(), settled.policy().version(),
                options.requireCommercial, settled.price());
        RunSession session = new RunSession(new RunSession.Options(options.out, teacher,
                options.target == null ? null : options.target.longValue(),
                new Budget(options.maxCost, options.maxTokens), options.randomSeed, options.progressInterval(),
                System.console() != null, true), licensing,
                warnings -> BatchOptions.parts(RunAssembly.productionParts(System::getenv, clock,
                        VersionProvider.version(), settled.price(),
                        termsOfEachModel(teacher, method, settled, options, err), warnings), batch, options.out,
                        System::getenv, settled.price(), settled.batchPrice(), synchronousTeacher), clock, err,
                log::attach);
        if (options.dryRun) {
            return dryRun(method, session, licensing, options, out, err, settled);
        }
        RunSpec spec = session.spec(method);
        RunSession.Finished finished = session.run(method);
        RunOutcome outcome = finished.outcome();
        return RunOutcomeReport.report(outcome, "done: " + method.doneSummary(outcome, spec, finished.accepted())
                + " in "
                + options.out.resolve("examples.jsonl"), out, err);
    }

    /**
     * The terms of each model that may answer: the run's, and with --allow-mixed-models those of the pool's other
     * models, each checked against --require-commercial before any request.
     */
    private static java.util.function.Function<dev.instructgen.teacher.TeacherIdentity,
            dev.instructgen.licensing.TeacherTerms> termsOfEachModel(TeacherSettings teacher, GenerationMethod method,
                                                                     TeacherTermsAndPrice settled,
                                                                     GenerationOptions options, PrintWriter err) {
        java.util.Set<String> seen = new java.util.HashSet<>(java.util.Set.of(teacher.model()));
        for (var endpoint : teacher.pool()) {
            if (seen.add(endpoint.model())) {
                var terms = settled.policy().termsFor(endpoint.identity());
                if (options.requireCommercial) {
                    new dev.instructgen.licensing.CommercialUseGate().check(method.seedSources(), terms);
                }
                if (terms.isUnknown()) {
                    err.println("warning: the terms of pool model '" + endpoint.model() + "' are unknown: its "
                            + "examples get commercial_use null");
                }
            }
        }
        return identity -> identity.model().equals(teacher.model()) ? settled.terms()
                : settled.policy().termsFor(identity);
    }

    private static void warnUnknownSeedLicenses(GenerationMethod method, PrintWriter err) {
        for (SeedSource s : method.seedSources()) {
            if (s.license() == null) {
                err.println("warning: the license of '" + s.name() + "' is unknown: its examples get license "
                        + LicenseInfo.NOASSERTION + " (name it with the license option or a FILE.license sidecar)");
            }
        }
        err.flush();
    }

    /** The estimate, the license the examples will carry, and a warning when the estimate exceeds --max-cost. */
    private static int dryRun(GenerationMethod method, RunSession session, RunSession.Licensing licensing,
                              GenerationOptions options, PrintWriter out, PrintWriter err,
                              TeacherTermsAndPrice settled) {
        GenerationMethod.DryRun estimate = method.dryRun(session.spec(method), licensing);
        // with --batch both costs: the synchronous estimate the method prints, and the batch one after it
        out.print(BatchCostLine.of(options.batch.batch ? estimate.costUsd() : null, settled.price(),
                        settled.batchPrice())
                .map(line -> BatchCostLine.insertInto(estimate.text(), line)).orElse(estimate.text()));
        LicenseInfo license = new CombiningLicenseTagger(licensing.terms()).tag(method.seedSources());
        out.println("  license           " + license.license() + " (commercial use: "
                + (license.commercialUse() == null ? "unknown" : license.commercialUse() ? "yes" : "no") + ")");
        out.flush();
        if (options.maxCost != null && estimate.costUsd() != null && estimate.costUsd() > options.maxCost) {
            err.println(String.format(Locale.ROOT, "warning: the estimated cost $%.2f exceeds --max-cost $%.2f: "
                    + "the run will stop (resumable) when the budget is spent", estimate.costUsd(), options.maxCost));
            err.flush();
        }
        return ExitCode.OK;
    }
}
