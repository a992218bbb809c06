package dev.instructgen.pipeline;

import dev.instructgen.licensing.CombiningLicenseTagger;
import dev.instructgen.licensing.LicenseTagger;
import dev.instructgen.licensing.TeacherTerms;
import dev.instructgen.teacher.stack.TeacherStack;
import dev.instructgen.teacher.pricing.Price;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.RequestLog;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.text.NoveltyIndex;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Assembles a run in one readable place, in dependency order: the teacher check (before anything is written),
 * teacher identity, price, counters, run directory
 * (fresh or resumed, counters restored), teacher stack reporting to the counters, novelty index, license tagger,
 * seeded randomness. Commands differ only in the {@link RunSpec} they pass and the {@link JobSource} they run.
 */
public final class RunAssembly {

    /**
     * The replaceable parts: production wires the teacher stack, the run directory, the price table and the
     * license policy; tests pass fakes.
     */
    public record Parts(TeacherFactory teachers, JournalOpener journals,
                        Function<TeacherIdentity, CostModel> prices,
                        Function<TeacherIdentity, LicenseTagger> licenses,
                        Clock clock, Consumer<String> warnings) {

        public Parts {
            Objects.requireNonNull(teachers, "teachers");
            Objects.requireNonNull(journals, "journals");
            Objects.requireNonNull(prices, "prices");
            Objects.requireNonNull(licenses, "licenses");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(warnings, "warnings");
        }
    }

    private RunAssembly() {
    }

    /**
     * The production parts: the teacher stack (API key from {@code env}), the run directory, the given price
     * and the license tagger for the given teacher terms.
     */
    public static Parts productionParts(Function<String, String> env, Clock clock, String toolVersion, Price price,
                                        TeacherTerms terms, Consumer<String> warnings) {
        return productionParts(env, clock, toolVersion, price, identity -> terms, warnings);
    }

    /**
     * @param termsFor the terms of each teacher model of the run (more than one only for a pool with
     *                 --allow-mixed-models)
     */
    public static Parts productionParts(Function<String, String> env, Clock clock, String toolVersion, Price price,
                                        Function<TeacherIdentity, TeacherTerms> termsFor,
                                        Consumer<String> warnings) {
        CostModel cost = price.isKnown() ? price::cost : CostModel.FREE;
        return new Parts(
                TeacherFactory.checked(settings -> TeacherStack.checkReachable(settings, env, warnings),
                        new TeacherFactory() {
                            @Override
                            public TeacherClient build(TeacherSettings settings, TeacherMetrics metrics) {
                                return build(settings, metrics, RequestLog.NONE);
                            }

                            @Override
                            public TeacherClient build(TeacherSettings settings, TeacherMetrics metrics,
                                                       RequestLog requests) {
                                return TeacherStack.build(settings, metrics, env, warnings, requests);
                            }
                        }),
                RunDirectoryJournal.opener(toolVersion, clock),
                identity -> cost,
                identity -> new CombiningLicenseTagger(termsFor.apply(identity)),
                clock,
                warnings);
    }

    public static RunContext assemble(RunSpec spec, Parts parts) {
        var settings = spec.teacher();
        TeacherIdentity identity = settings.identity();
        // first, before the run directory exists: a teacher that is not there refuses the run at once
        parts.teachers().check(settings);
        RunStats stats = new RunStats(spec.command(), spec.target(), parts.clock(), parts.prices().apply(identity));
        // the manifest's start is the counters' start, so stats.json and manifest.json name the same instant
        RunJournal.Opened opened = parts.journals().open(spec, freshRunId(spec, parts.clock()),
                stats.sessionStart().toString());
        try {
            RunJournal journal = opened.journal();
            stats.recordTo(journal::appendUsage);
            if (opened.resumed()) {
                if (journal.restoredUsage().isPresent()) {
                    stats.restore(opened.restoredExamples().size(), opened.restoredRejections(),
                            journal.restoredUsage().get());
                } else {
                    stats.restore(opened.restoredExamples().size(), opened.restoredRejections(),
                            opened.previousStats());
                }
            }
            journal.openingNotes().forEach(stats::note);
            stats.notes().forEach(parts.warnings());
            TeacherClient teacher = settings.logRequests()
                    ? parts.teachers().build(settings, stats, journal.requestLog())
                    : parts.teachers().build(settings, stats);
            NoveltyIndex novelty = NoveltyIndex.create(spec.tokenizer(), spec.noveltyThreshold());
            LicenseTagger tagger = parts.licenses().apply(identity);
            // A resumed session draws a different stream, so it does not replay the prompts of the first one;
            // it stays reproducible because the number of restored examples is part of the seed.
            long seed = spec.randomSeed() + 0x9E3779B97F4A7C15L * opened.restoredExamples().size();
            return new RunContext(spec, opened, teacher, identity, stats, novelty, tagger, parts.clock(),
                    new SplittableRandom(seed), parts.warnings(), parts.teachers(), parts.licenses());
        } catch (RuntimeException e) {
            opened.journal().close();
            throw e;
        }
    }

    /** "run-20261121T221500Z-1a2b3c4d": sortable by start time, unique enough, reproducible under a fixed clock. */
    static String freshRunId(RunSpec spec, Clock clock) {
        String time = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC).format(clock.instant());
        long salt = new SplittableRandom(spec.randomSeed() ^ clock.millis()).nextLong();
        return "run-" + time + "-" + HexFormat.of().toHexDigits(salt).substring(0, 8);
    }
}
