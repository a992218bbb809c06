package dev.instructgen.pipeline;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.licensing.LicenseSummary;
import dev.instructgen.licensing.LicenseTagger;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherIdentity;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.text.NoveltyIndex;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * Everything a running method needs, assembled once by {@link RunAssembly}: the decorated teacher, the counters,
 * the novelty index, the license tagger, the journal, time and randomness, and the acceptance gate that keeps
 * the run at exactly {@code --target} examples.
 *
 * <p>Thread-safe. After {@link #close} late results of abandoned in-flight jobs are ignored, never written.
 */
public final class RunContext implements AutoCloseable {

    private final RunSpec spec;
    private final String runId;
    private final boolean resumed;
    private final List<Example> restoredExamples;
    private final TeacherClient teacher;
    private final TeacherIdentity identity;
    private final RunStats stats;
    private final NoveltyIndex novelty;
    private final LicenseTagger licenseTagger;
    private final RunJournal journal;
    private final Clock clock;
    private final RandomGenerator random;
    private final Consumer<String> warnings;
    private final TeacherFactory teachers;
    private final java.util.Map<TeacherSettings, TeacherClient> secondTeachers = new java.util.LinkedHashMap<>();
    private final Object gate = new Object();
    private final LicenseSummary.Builder licenses = new LicenseSummary.Builder();
    private boolean closed;

    RunContext(RunSpec spec, RunJournal.Opened opened, TeacherClient teacher, TeacherIdentity identity,
               RunStats stats, NoveltyIndex novelty, LicenseTagger licenseTagger, Clock clock,
               RandomGenerator random, Consumer<String> warnings, TeacherFactory teachers) {
        this.teachers = teachers;
        this.spec = spec;
        this.runId = opened.runId();
        this.resumed = opened.resumed();
        this.restoredExamples = opened.restoredExamples();
        this.journal = opened.journal();
        this.teacher = teacher;
        this.identity = identity;
        this.stats = stats;
        this.novelty = novelty;
        this.licenseTagger = licenseTagger;
        this.clock = clock;
        this.random = random;
        this.warnings = warnings;
        restoredExamples.forEach(this::tally);
    }

    private void tally(Example example) {
        licenses.add(example.license());
    }

    /** What the license blocks of every accepted example of the run add up to (restored ones included). */
    public LicenseSummary licenseSummary() {
        return licenses.build();
    }

    /**
     * Writes an accepted example unless the target is already reached or the run is closed. Exactly one caller
     * gets the last slot, so concurrent stages never overshoot {@code --target}.
     *
     * @return whether the example was written
     */
    public boolean accept(Example example) {
        synchronized (gate) {
            if (closed || stats.accepted() >= spec.target()) {
                return false;
            }
            journal.appendExample(example);
            stats.onAccepted();
            tally(example);
            return true;
        }
    }

    /** Writes a rejected candidate and counts its reason. */
    public void reject(Rejection rejection) {
        synchronized (gate) {
            if (closed) {
                return;
            }
            journal.appendRejection(rejection);
            stats.onRejected(rejection.reason().code());
        }
    }

    public boolean targetReached() {
        return stats.accepted() >= spec.target();
    }

    /** The current time as provenance records it (ISO-8601 UTC). */
    public String now() {
        return Provenance.timestamp(clock);
    }

    public Provenance.TeacherRef teacherRef() {
        return Provenance.TeacherRef.of(identity);
    }

    /** A warning for the user (printed on the command's error stream). */
    public void warn(String message) {
        warnings.accept(message);
    }

    /** Stops accepting results; the journal stays open for the final stats and card. */
    void closeGate() {
        synchronized (gate) {
            closed = true;
        }
    }

    /** Writes stats.json now (under the gate, so it never interleaves with a journal append). */
    void writeStats(RunOutcome outcome) {
        synchronized (gate) {
            journal.writeStats(stats.snapshot(outcome));
            journal.flush();
        }
    }

    public RunSpec spec() {
        return spec;
    }

    public String runId() {
        return runId;
    }

    public boolean resumed() {
        return resumed;
    }

    /** Examples accepted by earlier sessions of this run (empty for a fresh run). */
    public List<Example> restoredExamples() {
        return restoredExamples;
    }

    public TeacherClient teacher() {
        return teacher;
    }

    public TeacherIdentity identity() {
        return identity;
    }

    /**
     * A second teacher of this run (a judge or an answer model at another endpoint), assembled by the same teacher
     * stack as the run's own and reporting to the same counters, so usage.jsonl, the budget and the cost include
     * its requests. Built once per settings; closed with the run.
     */
    public TeacherClient teacherFor(TeacherSettings settings) {
        synchronized (secondTeachers) {
            TeacherClient client = secondTeachers.get(settings);
            if (client == null) {
                client = teachers.build(settings, stats);
                secondTeachers.put(settings, client);
            }
            return client;
        }
    }

    /**
     * A second teacher whose model has a price of its own (the answer pass's {@code --answer-model}): as
     * {@link #teacherFor(TeacherSettings)}, but its replies are priced by {@code price}.
     */
    public TeacherClient teacherFor(TeacherSettings settings, CostModel price) {
        synchronized (secondTeachers) {
            TeacherClient client = secondTeachers.get(settings);
            if (client == null) {
                client = teachers.build(settings, stats.pricedBy(price));
                secondTeachers.put(settings, client);
            }
            return client;
        }
    }

    public RunStats stats() {
        return stats;
    }

    public NoveltyIndex novelty() {
        return novelty;
    }

    public LicenseTagger licenseTagger() {
        return licenseTagger;
    }

    public RunJournal journal() {
        return journal;
    }

    public Clock clock() {
        return clock;
    }

    /** The run's seeded randomness. Not thread-safe: draw from it only inside {@link JobSource#next}. */
    public RandomGenerator random() {
        return random;
    }

    @Override
    public void close() {
        closeGate();
        try {
            synchronized (secondTeachers) {
                secondTeachers.values().forEach(TeacherClient::close);
            }
            teacher.close();
        } finally {
            journal.close();
        }
    }
}
