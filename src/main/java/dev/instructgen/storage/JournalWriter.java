package dev.instructgen.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Appends whole lines to a JSONL journal and makes them durable in small batches (group commit).
 *
 * <p>Why this shape: a kill -9 only loses what is not yet in the kernel, and each line reaches the kernel in
 * one write call on an O_APPEND channel, so after a kill every line is whole or (the last one) torn, never
 * interleaved. A power loss also loses what is not yet fsync'd; an fsync per line would cap throughput at
 * the disk's flush rate (often a few hundred per second), so lines are fsync'd together: as soon as
 * {@code syncEveryLines} lines are pending, and at the latest {@code syncEveryMillis} after the first pending
 * one (by the scheduler's periodic tick), and always on {@link #flush()} and {@link #close()}. The fsync runs
 * on the sync executor, so appending threads never wait for the disk.
 */
final class JournalWriter implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
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
    private volatile IOException syncFailure;

    JournalWriter(Path path, Executor syncExecutor, Clock clock, int syncEveryLines, long syncEveryMillis) {
        this.path = path;
        this.syncExecutor = syncExecutor;
        this.clock = clock;
        this.syncEveryLines = syncEveryLines;
        this.syncEveryMillis = syncEveryMillis;
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path + " for appending: " + e.getMessage(), e);
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
            ByteBuffer buffer = ByteBuffer.wrap(line);
            try {
                // One call writes the whole line on a regular file; the loop only guards a short write.
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot append to " + path + ": " + e.getMessage(), e);
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
            throw new UncheckedIOException("cannot fsync " + path + ": " + e.getMessage(), e);
        }
    }

    long linesWritten() {
        synchronized (writeLock) {
            return written;
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
                if (closed && !channel.isOpen()) {
                    return;
                }
                upTo = written;
            }
            if (upTo == synced) {
                return;
            }
            // force() may run while other threads append: FileChannel allows it, and whatever they add
            // after upTo is picked up by the next sync.
            channel.force(false);
            synchronized (writeLock) {
                synced = Math.max(synced, upTo);
            }
        }
    }

    private void rethrowSyncFailure() {
        IOException failure = syncFailure;
        if (failure != null) {
            throw new UncheckedIOException("cannot fsync " + path + ": " + failure.getMessage(), failure);
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
        try {
            synchronized (syncLock) {
                channel.force(false);
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path + ": " + e.getMessage(), e);
        }
        rethrowSyncFailure();
    }
}
