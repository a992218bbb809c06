package dev.instructgen.storage;

import dev.instructgen.error.BadInputException;
import dev.instructgen.error.StorageException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Reads a JSONL journal (examples.jsonl, rejected.jsonl) one parsed record at a time, tolerating what a crash
 * can leave at its end and nothing else.
 *
 * <p>Every line is written with one write call, so a kill can only leave a torn (unterminated) last line; a
 * power loss on some file systems can also leave whole lines of garbage (e.g. NUL bytes) at the end. Both are
 * a damaged <em>tail</em>: they are skipped here and reported through {@link #validEnd()} so the writer can
 * truncate them away, the way a journal is repaired. An invalid line followed by a valid one is not a crash
 * artefact but a damaged file, and is reported as bad input naming the file and line.
 */
final class JournalReader<T> implements Iterator<T>, Closeable {

    private final Path file;
    private final Function<String, T> parser;
    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLimit;
    private byte[] lineBuffer = new byte[8192];

    private long offset;
    private long validEnd;
    private int lineNumber;
    private int invalidTailLines;
    private long tornBytes;
    private String pendingError;
    private T next;
    private boolean finished;

    /**
     * @param parser turns one line into a record; any RuntimeException it throws marks the line invalid
     */
    JournalReader(Path file, Function<String, T> parser) {
        this.file = file;
        this.parser = parser;
        try {
            this.in = Files.newInputStream(file);
        } catch (IOException e) {
            throw StorageException.reading(file, e);
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null && !finished) {
            advance();
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T result = next;
        next = null;
        return result;
    }

    /** Byte offset just past the last valid line; everything after it is a damaged tail. */
    long validEnd() {
        return validEnd;
    }

    /** Whole lines at the end that did not parse (dropped). */
    int invalidTailLines() {
        return invalidTailLines;
    }

    /** Bytes of an unterminated last line (dropped). */
    long tornBytes() {
        return tornBytes;
    }

    /** Whether the file ends with anything but valid, newline-terminated lines. Meaningful once exhausted. */
    boolean damagedTail() {
        return tornBytes > 0 || invalidTailLines > 0;
    }

    private void advance() {
        int length = readLine();
        if (length < 0) {
            finished = true;
            return;
        }
        lineNumber++;
        long lineStart = offset;
        offset += length + 1;
        String line = new String(lineBuffer, 0, length, StandardCharsets.UTF_8);
        if (line.isBlank() && line.indexOf('\0') < 0) {
            if (pendingError == null) {
                validEnd = offset;
            }
            return;
        }
        T parsed;
        try {
            parsed = parser.apply(line);
        } catch (RuntimeException e) {
            if (pendingError == null) {
                pendingError = file + ":" + lineNumber + ": not a valid record (" + firstLine(e) + ")";
                validEnd = lineStart;
            }
            invalidTailLines++;
            return;
        }
        if (pendingError != null) {
            throw new BadInputException(pendingError + "; the lines after it are valid, so this is not a "
                    + "crash artefact: fix or remove that line");
        }
        validEnd = offset;
        next = parsed;
    }

    /** Reads up to the next '\n' into lineBuffer; -1 at end of file (an unterminated rest counts as torn). */
    private int readLine() {
        int length = 0;
        while (true) {
            if (chunkPos == chunkLimit && !fillChunk()) {
                tornBytes = length;
                return -1;
            }
            int newline = -1;
            for (int i = chunkPos; i < chunkLimit; i++) {
                if (chunk[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? chunkLimit : newline;
            int n = end - chunkPos;
            if (length + n > lineBuffer.length) {
                lineBuffer = Arrays.copyOf(lineBuffer, Math.max(lineBuffer.length * 2, length + n));
            }
            System.arraycopy(chunk, chunkPos, lineBuffer, length, n);
            length += n;
            chunkPos = end;
            if (newline >= 0) {
                chunkPos++;
                return length;
            }
        }
    }

    private boolean fillChunk() {
        try {
            int n = in.read(chunk);
            chunkPos = 0;
            chunkLimit = Math.max(n, 0);
            return n > 0;
        } catch (IOException e) {
            throw StorageException.reading(file, e);
        }
    }

    private static String firstLine(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw StorageException.reading(file, e);
        }
    }
}
