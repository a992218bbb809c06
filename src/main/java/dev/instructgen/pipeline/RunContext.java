package dev.instructgen.pipeline;

import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.licensing.LicenseSummary;
import dev.instructgen.licensing.LicenseTagger;
import dev.instructgen.teacher.BackoffObserver;
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
    private final java.util.function.Function<TeacherIdentity, LicenseTagger> taggers;
    private final java.util.Map<String, LicenseTagger> taggerByModel = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<TeacherSettings, TeacherClient> secondTeachers = new java.util.LinkedHashMap<>();
    private BackoffObserver backoffs = BackoffObserver.NONE; // guarded by secondTeachers
    private boolean stoppedWaiting; // guarded by secondTeachers
    private final Object gate = new Object();
    private final LicenseSummary.Builder licenses = new LicenseSummary.Builder();
    private boolean closed;

    RunContext(RunSpec spec, RunJournal.Opened opened, TeacherClient teacher, TeacherIdentity identity,
               RunStats stats, NoveltyIndex novelty, LicenseTagger licenseTagger, Clock clock,
               RandomGenerator random, Consumer<String> warnings, TeacherFactory teachers,
               java.util.function.Function<TeacherIdentity, LicenseTagger> taggers) {
        this.teachers = teachers;
        this.taggers = taggers;
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

    /**
     * The teacher as recorded on an example answered by the pool endpoint {@code endpoint}
     * ({@link dev.instructgen.teacher.TeacherReply#endpoint}): that endpoint's wire format, model and host; the
     * run's teacher when {@code endpoint} is null (one endpoint) or not one of the pool's.
     */
    public Provenance.TeacherRef teacherRef(String endpoint) {
        TeacherIdentity who = answering(endpoint);
        return who == null ? teacherRef() : Provenance.TeacherRef.of(who);
    }

    /**
     * The license tagger for an example answered by {@code endpoint}: with --allow-mixed-models an endpoint
     * serving another model brings that model's terms; otherwise the run's tagger.
     */
    public LicenseTagger licenseTagger(String endpoint) {
        TeacherIdentity who = answering(endpoint);
        if (who == null || who.model().equals(identity.model())) {
            return licenseTagger;
        }
        return taggerByModel.computeIfAbsent(who.model(), model -> taggers.apply(who));
    }

    private TeacherIdentity answering(String endpoint) {
        if (endpoint == null) {
            return null;
        }
        return spec.teacher().pool().stream().filter(e -> e.name().equals(endpoint)).findFirst()
                .map(dev.instructgen.teacher.PoolEndpoint::identity).orElse(null);
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
        return secondTeacher(settings, stats);
    }

    private TeacherClient secondTeacher(TeacherSettings settings, dev.instructgen.teacher.TeacherMetrics metrics) {
        synchronized (secondTeachers) {
            TeacherClient client = secondTeachers.get(settings);
            if (client == null) {
                client = teachers.build(settings, metrics);
                client.observeBackoffs(backoffs);
                if (stoppedWaiting) {
                    client.stopWaiting();
                }
                secondTeachers.put(settings, client);
            }
            return client;
        }
    }

    /**
     * Lets the engine run other jobs while a request of this run's teachers (the run's own and every second one)
     * waits to retry.
     *
     * @return whether the run's own teacher reports its backoffs (second teachers are then told as they are built)
     */
    boolean observeBackoffs(BackoffObserver observer) {
        synchronized (secondTeachers) {
            backoffs = observer;
            secondTeachers.values().forEach(c -> c.observeBackoffs(observer));
            return teacher.observeBackoffs(observer);
        }
    }

    /** The run is stopping: every teacher of the run ends its waits (see {@link TeacherClient#stopWaiting()}). */
    void stopWaiting() {
        synchronized (secondTeachers) {
            stoppedWaiting = true;
            secondTeachers.values().forEach(TeacherClient::stopWaiting);
        }
        teacher.stopWaiting();
    }

    /**
     * A second teacher whose model has a price of its own (the answer pass's {@code --answer-model}): as
     * {@link #teacherFor(TeacherSettings)}, but its replies are priced by {@code price}.
     */
    public TeacherClient teacherFor(TeacherSettings settings, CostModel price) {
        return secondTeacher(settings, stats.pricedBy(price));
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
