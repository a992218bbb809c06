package dev.instructgen.error;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file could not be read or written although the input was fine: the disk is full, a file is not writable, the
 * device failed. Not a user error, so it never exits 2. A full disk under a run directory is worth telling apart:
 * the journals stay whole (a torn last line is repaired on the next open), so freeing space and running the same
 * command again continues the run; {@link #resumable()} says so and the command exits 3. Every other storage
 * failure exits 1. The message always names the file.
 */
public final class StorageException extends RuntimeException {

    private final Path file;
    private final boolean noSpace;
    private final boolean inRun;

    private StorageException(String message, Path file, boolean noSpace, boolean inRun, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.noSpace = noSpace;
        this.inRun = inRun;
    }

    /** Writing (or creating, appending to, fsyncing) {@code file} failed. */
    public static StorageException writing(Path file, IOException cause) {
        boolean full = isNoSpace(cause);
        String message = full ? "no space left on device writing " + file
                : "cannot write " + file + ": " + reason(cause);
        return new StorageException(message, file, full, false, cause);
    }

    /** Reading {@code file} failed. */
    public static StorageException reading(Path file, IOException cause) {
        return new StorageException("cannot read " + file + ": " + reason(cause), file, false, false, cause);
    }

    /** The same failure, known to have happened while writing a run directory that a rerun resumes. */
    public StorageException inResumableRun() {
        return inRun ? this : new StorageException(getMessage(), file, noSpace, true, getCause());
    }

    /** The file that could not be read or written. */
    public Path file() {
        return file;
    }

    /** The device (or the user's quota) is full. */
    public boolean noSpace() {
        return noSpace;
    }

    /** A full disk under a run directory: free space and run the same command again. */
    public boolean resumable() {
        return noSpace && inRun;
    }

    /**
     * ENOSPC and EDQUOT reach Java only as the operating system's text (FileOutputStream.write throws a plain
     * IOException carrying strerror), so the text is what can be recognised.
     */
    static boolean isNoSpace(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("no space left on device") || text.contains("disk quota exceeded")
                    || text.contains("not enough space on the disk")) {
                return true;
            }
        }
        return false;
    }

    /** The operating system's reason without Java's class names: "Permission denied", not the exception type. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // FileOutputStream says "PATH (Permission denied)"; keep the reason, the path is already in the message.
        int open = message.lastIndexOf(" (");
        return open >= 0 && message.endsWith(")") ? message.substring(open + 2, message.length() - 1) : message;
    }
}
