package dev.instructgen.storage;

import dev.instructgen.error.StorageException;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a whole file so that a reader (or a crash) sees either the old content or the new, never a mix:
 * write a temp file in the same directory, fsync it, rename it over the target, fsync the directory.
 * The same recipe as a journal-based disk cache's ".tmp + rename" rewrite.
 */
public final class AtomicFile {

    /** Writes the new content of a file; may throw I/O errors, which abort the replacement. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Temp files carry this suffix so that {@link #deleteLeftovers} can clean up after a crash. */
    static final String TEMP_SUFFIX = ".instructgen-tmp";

    private AtomicFile() {
    }

    /**
     * Replaces {@code target} with {@code content}.
     *
     * @throws StorageException naming {@code target} when it cannot be written (e.g. the disk is full)
     */
    public static void write(Path target, byte[] content) {
        write(target, out -> out.write(content));
    }

    /**
     * Replaces {@code target} with what {@code writer} streams (for exports too large to hold in memory).
     * When the writer throws, the target is left as it was and the temp file is removed.
     */
    public static void write(Path target, ContentWriter writer) {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            // Files.createFile, unlike createTempFile, gives the usual permissions (0666 minus umask): a
            // manifest or an export readable only by its owner would surprise whoever shares the run.
            temp = Files.createFile(dir.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TEMP_SUFFIX));
            // A stream, not a FileChannel, so that an interrupted caller cannot close it half-way.
            try (FileOutputStream file = new FileOutputStream(temp.toFile())) {
                OutputStream out = new BufferedOutputStream(file, 1 << 16);
                writer.writeTo(out);
                out.flush();
                file.getFD().sync();
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw StorageException.writing(target, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: a leftover temp file is removed at the next open
                }
            }
        }
    }

    /** Makes the rename itself durable: on Linux a directory is fsync'd through a read-only channel. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Some platforms (Windows) cannot open a directory; the rename is still atomic there.
        }
    }

    /** Removes temp files a crash left behind in {@code dir} (not recursive). */
    static int deleteLeftovers(Path dir) {
        int deleted = 0;
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, "*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
                deleted++;
            }
        } catch (IOException e) {
            throw StorageException.writing(dir, e);
        }
        return deleted;
    }
}
