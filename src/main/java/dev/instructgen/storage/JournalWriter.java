package dev.instructgen.storage;

import dev.instructgen.error.StorageException;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Appends whole lines to a JSONL journal and makes them durable in small batches (group commit).
 *
 * <p>Why this shape: a kill -9 only loses what is not yet in the kernel, and each line reaches the kernel in
 * one write call on an O_APPEND file, so after a kill every line is whole or (the last one) torn, never
 * interleaved. A plain {@link FileOutputStream} rather than a FileChannel: an interrupt (a cancelled task,
 * a shutdown on Ctrl-C) closes an interruptible channel for every thread, and the journal would refuse all
 * further appends, including the ones that finish the work in flight. A power loss also loses what is not yet fsync'd; an fsync per line would cap throughput at
 * the disk's flush rate (often a few hundred per second), so lines are fsync'd together: as soon as
 * {@code syncEveryLines} lines are pending, and at the latest {@code syncEveryMillis} after the first pending
 * one (by the scheduler's periodic tick), and always on {@link #flush()} and {@link #close()}. The fsync runs
 * on the sync executor, so appending threads never wait for the disk.
 */
final class JournalWriter implements AutoCloseable {

    private final Path path;
    private final FileOutputStream out;
    private final Executor syncExecutor;
    private final Clock clock;
    private final int syncEveryLines;
    private final long syncEveryMillis;

    private final Object writeLock = new Object();
    private final Object syncLock = new Object();
    private final AtomicBoolean syncQueued = new AtomicBoolean();
    private long written;
    private long synced;
    private long oldestUnsyncedAt;
    private boolean closed;
    private boolean open = true;
    private volatile IOException syncFailure;
    private IOException writeFailure;

    JournalWriter(Path path, Executor syncExecutor, Clock clock, int syncEveryLines, long syncEveryMillis) {
        this.path = path;
        this.syncExecutor = syncExecutor;
        this.clock = clock;
        this.syncEveryLines = syncEveryLines;
        this.syncEveryMillis = syncEveryMillis;
        try {
            this.out = new FileOutputStream(path.toFile(), true);
        } catch (IOException e) {
            throw StorageException.writing(path, e).inResumableRun();
        }
    }

    /** Appends one line; {@code line} must end with '\n' and contain no other newline. Thread-safe. */
    void append(byte[] line) {
        boolean requestSync;
        synchronized (writeLock) {
            if (closed) {
                throw new IllegalStateException(path + " is closed");
            }
            rethrowSyncFailure();
            if (writeFailure != null) {
                throw StorageException.writing(path, writeFailure).inResumableRun();
            }
            try {
                out.write(line);
            } catch (IOException e) {
                // A failed write (disk full) may have left part of the line. Appending more would bury that
                // fragment mid-file; refusing keeps it the last line, which the next open repairs.
                writeFailure = e;
                throw StorageException.writing(path, e).inResumableRun();
            }
            long now = clock.millis();
            if (written == synced) {
                oldestUnsyncedAt = now;
            }
            written++;
            requestSync = written - synced >= syncEveryLines || now - oldestUnsyncedAt >= syncEveryMillis;
        }
        if (requestSync) {
            requestSync();
        }
    }

    /** Called by the periodic tick: makes lines durable that have waited the full interval. */
    void syncIfDue() {
        boolean due;
        synchronized (writeLock) {
            due = !closed && written > synced && clock.millis() - oldestUnsyncedAt >= syncEveryMillis;
        }
        if (due) {
            requestSync();
        }
    }

    /** Makes every line appended so far durable before returning. */
    void flush() {
        rethrowSyncFailure();
        try {
            sync();
        } catch (IOException e) {
            throw StorageException.writing(path, e).inResumableRun();
        }
    }

    /** Lines known to be on disk (fsync'd); for tests of the group commit. */
    long linesSynced() {
        synchronized (writeLock) {
            return synced;
        }
    }

    private void requestSync() {
        if (syncQueued.compareAndSet(false, true)) {
            syncExecutor.execute(() -> {
                syncQueued.set(false);
                try {
                    sync();
                } catch (IOException e) {
                    syncFailure = e;
                }
            });
        }
    }

    private void sync() throws IOException {
        synchronized (syncLock) {
            long upTo;
            synchronized (writeLock) {
                if (closed && !open) {
                    return;
                }
                upTo = written;
            }
            if (upTo == synced) {
                return;
            }
            // The fsync may run while other threads append; whatever they add after upTo is picked up by
            // the next sync.
            out.getFD().sync();
            synchronized (writeLock) {
                synced = Math.max(synced, upTo);
            }
        }
    }

    private void rethrowSyncFailure() {
        IOException failure = syncFailure;
        if (failure != null) {
            throw StorageException.writing(path, failure).inResumableRun();
        }
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        boolean failedBefore;
        synchronized (writeLock) {
            failedBefore = writeFailure != null;
        }
        try {
            synchronized (syncLock) {
                try {
                    out.getFD().sync();
                } catch (IOException e) {
                    // A journal whose write already failed has reported that failure once; closing it must not
                    // replace that message with a second one about the same file.
                    if (!failedBefore) {
                        throw e;
                    }
                } finally {
                    out.close();
                    open = false;
                }
            }
        } catch (IOException e) {
            throw StorageException.writing(path, e).inResumableRun();
        }
        if (!failedBefore) {
            rethrowSyncFailure();
        }
    }
}
