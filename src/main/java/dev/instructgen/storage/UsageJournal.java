package dev.instructgen.storage;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * usage.jsonl: every request sent, its outcome with tokens and estimated cost, and the candidates proposed and
 * accepted, appended as they happen with the crash safety of the other journals (one write per line, group
 * commit, torn-tail repair on open). stats.json is only a periodic summary; on resume the counters, and with them
 * the cost budget, are rebuilt from here, so a kill -9 loses no more than the requests in flight.
 */
public final class UsageJournal implements AutoCloseable {

    public static final String FILE = "usage.jsonl";

    private final ScheduledExecutorService syncer;
    private final JournalWriter writer;
    private volatile boolean closed;

    /**
     * What opening found.
     *
     * @param restored the earlier sessions' counters; empty for a fresh run
     * @param notes    what the user should know: a repaired tail, counters that were lost, a stats.json that
     *                 could not be read
     */
    public record Opened(UsageJournal journal, Optional<UsageTotals> restored, List<String> notes) {
        public Opened {
            notes = List.copyOf(notes);
        }
    }

    private UsageJournal(Path file, Clock clock) {
        this.syncer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "usage-journal-fsync");
            thread.setDaemon(true);
            return thread;
        });
        this.writer = new JournalWriter(file, syncer, clock, RunDirectory.SYNC_EVERY_LINES,
                RunDirectory.SYNC_EVERY_MILLIS);
        syncer.scheduleWithFixedDelay(writer::syncIfDue, RunDirectory.SYNC_EVERY_MILLIS / 2,
                RunDirectory.SYNC_EVERY_MILLIS / 2, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens usage.jsonl of the run in {@code dir} (already opened and locked by {@link RunDirectory}).
     *
     * @param resumed          whether the run directory held a run; a fresh run starts an empty journal
     * @param runStartedAt     the manifest's start time, when the journal cannot tell
     */
    public static Opened open(Path dir, boolean resumed, Instant runStartedAt, Clock clock) {
        Path file = dir.resolve(FILE);
        List<String> notes = new ArrayList<>();
        Optional<UsageTotals> restored = Optional.empty();
        StatsFile previous = null;
        String statsProblem = null;
        try {
            previous = StatsFile.read(dir).orElse(null);
        } catch (StatsFile.Unreadable e) {
            statsProblem = e.getMessage();
        }
        if (!resumed) {
            truncate(file);
            return new Opened(new UsageJournal(file, clock), restored, notes);
        }
        boolean journaled = Files.exists(file);
        UsageTotals.Builder totals = new UsageTotals.Builder();
        if (journaled) {
            JournalRestore.usage(file, totals::add, notes::add);
            if (statsProblem != null) {
                notes.add(statsProblem + "; the counters were rebuilt from " + FILE);
            }
        } else if (previous != null) {
            totals.add(UsageEvent.carriedOver(clock.instant(), previous));
        } else {
            notes.add((statsProblem != null ? statsProblem : RunDirectory.STATS + " is missing")
                    + " and the run has no " + FILE + ": the requests, tokens and cost of earlier sessions are"
                    + " unknown and count from zero (a --max-cost budget counts from zero too)");
        }
        UsageJournal journal = new UsageJournal(file, clock);
        if (!journaled && previous != null) {
            journal.append(UsageEvent.carriedOver(clock.instant(), previous));
        }
        return new Opened(journal, Optional.of(totals.build(runStartedAt)), notes);
    }

    /**
     * Appends one event. Thread-safe; in the OS once this returns, durable within a group-commit interval. After
     * {@link #close} an event is dropped: it is a reply to a request abandoned when the run ended, which the
     * journal already counts as sent and in flight.
     */
    public void append(UsageEvent event) {
        if (closed) {
            return;
        }
        byte[] line = RunDirectory.jsonLine(event);
        try {
            writer.append(line);
        } catch (IllegalStateException closedMeanwhile) {
            // closed between the check and the append: dropped as above
        }
    }

    public void flush() {
        writer.flush();
    }

    @Override
    public void close() {
        closed = true;
        syncer.shutdown();
        writer.close();
    }

    private static void truncate(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reset " + file + ": " + e.getMessage(), e);
        }
    }
}
