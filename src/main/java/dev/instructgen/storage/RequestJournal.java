package dev.instructgen.storage;

import dev.instructgen.error.StorageException;
import dev.instructgen.teacher.RequestLog;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * requests.jsonl ({@code --log-requests}): each request to the teacher and its reply or failure, one JSON object
 * per line, with the crash safety of the other journals: one write per line on an append-only file, group commit,
 * and on open a torn last line (a kill mid-write) cut off, so every line is whole. A resumed run appends to it.
 * It is a log for the user, never read back by a run.
 */
public final class RequestJournal implements RequestLog, AutoCloseable {

    public static final String FILE = "requests.jsonl";

    private final ScheduledExecutorService syncer;
    private final JournalWriter writer;
    private volatile boolean closed;

    private RequestJournal(Path file, Clock clock) {
        this.syncer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "request-journal-fsync");
            thread.setDaemon(true);
            return thread;
        });
        this.writer = new JournalWriter(file, syncer, clock, RunDirectory.SYNC_EVERY_LINES,
                RunDirectory.SYNC_EVERY_MILLIS);
        syncer.scheduleWithFixedDelay(writer::syncIfDue, RunDirectory.SYNC_EVERY_MILLIS / 2,
                RunDirectory.SYNC_EVERY_MILLIS / 2, TimeUnit.MILLISECONDS);
    }

    /** Opens requests.jsonl in the run directory {@code dir} for appending, repairing a torn last line. */
    public static RequestJournal open(Path dir, Clock clock) {
        Path file = dir.resolve(FILE);
        cutTornTail(file);
        return new RequestJournal(file, clock);
    }

    /** Appends one entry; thread-safe. After {@link #close} (a reply to an abandoned request) it is dropped. */
    @Override
    public void append(Map<String, Object> entry) {
        if (closed) {
            return;
        }
        byte[] line = RunDirectory.jsonLine(entry);
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

    private static void cutTornTail(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            long end = raf.length();
            long keep = end;
            while (keep > 0) {
                raf.seek(keep - 1);
                if (raf.read() == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < end) {
                raf.setLength(keep);
            }
        } catch (IOException e) {
            throw StorageException.writing(file, e).inResumableRun();
        }
    }
}
