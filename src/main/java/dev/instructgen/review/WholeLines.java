package dev.instructgen.review;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads the newline-terminated lines of a journal from a byte offset on, leaving out an unterminated last
 * line: while a run is still appending, that line may be half written (see docs/run-directory.md, "Reading a
 * run"). Never writes, so it is safe beside a live writer; callers keep the returned offset and come back
 * for what was appended since.
 */
public final class WholeLines {

    private WholeLines() {
    }

    /**
     * Calls {@code line} for each whole line from {@code offset} on, in order, and returns the offset just past
     * the last whole line (unchanged when there is none, or when the file does not exist).
     */
    public static long read(Path file, long offset, Consumer<String> line) {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            byte[] chunk = new byte[1 << 16];
            ByteArrayOutputStream current = new ByteArrayOutputStream(1024);
            long end = offset;
            long position = offset;
            int n;
            while ((n = in.read(chunk)) > 0) {
                int start = 0;
                for (int i = 0; i < n; i++) {
                    if (chunk[i] == '\n') {
                        current.write(chunk, start, i - start);
                        line.accept(current.toString(StandardCharsets.UTF_8));
                        current.reset();
                        start = i + 1;
                        end = position + i + 1;
                    }
                }
                current.write(chunk, start, n - start);
                position += n;
            }
            return end;
        } catch (NoSuchFileException e) {
            return offset;
        } catch (java.io.EOFException e) {
            // The file is shorter than the offset: it was replaced; the caller starts over.
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
