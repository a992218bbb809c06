package dev.instructgen.storage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The two journal writers and the thread that fsyncs them, opened together and closed together. */
record RunJournals(ScheduledExecutorService syncer, JournalWriter examples, JournalWriter rejected) {

    static RunJournals open(Path dir, Clock clock) {
        ScheduledExecutorService syncer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "run-directory-fsync");
            thread.setDaemon(true);
            return thread;
        });
        JournalWriter examples = null;
        try {
            examples = new JournalWriter(dir.resolve(RunDirectory.EXAMPLES), syncer, clock,
                    RunDirectory.SYNC_EVERY_LINES,
                    RunDirectory.SYNC_EVERY_MILLIS);
            JournalWriter rejected = new JournalWriter(dir.resolve(RunDirectory.REJECTED), syncer, clock,
                    RunDirectory.SYNC_EVERY_LINES,
                    RunDirectory.SYNC_EVERY_MILLIS);
            return new RunJournals(syncer, examples, rejected);
        } catch (RuntimeException e) {
            if (examples != null) {
                examples.close();
            }
            syncer.shutdown();
            throw e;
        }
    }

    void close() {
        syncer.shutdown();
        try {
            examples.close();
        } finally {
            rejected.close();
        }
    }
}
