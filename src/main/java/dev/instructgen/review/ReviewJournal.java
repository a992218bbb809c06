package dev.instructgen.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.instructgen.dataset.JsonCodec;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends decisions to reviews.jsonl, crash-safe the way examples.jsonl is (docs/run-directory.md, "Crash
 * safety"): each line goes out in one write call on a file opened for appending, so a kill leaves at worst a
 * torn last line, and that tail is cut back to the last valid line when the journal is opened again.
 *
 * <p>Unlike the run's journals each line is fsync'd before {@link #append} returns: decisions come at the pace
 * of a person (the disk here flushes about 190 lines/s), and a decision the page has shown as saved must
 * survive a power loss.
 */
public final class ReviewJournal implements AutoCloseable {

    public static final String FILE = "reviews.jsonl";

    private final Path file;
    private final FileOutputStream out;

    private ReviewJournal(Path file) throws IOException {
        this.file = file;
        this.out = new FileOutputStream(file.toFile(), true);
    }

    /** Opens (creating if needed) the run's reviews.jsonl, first repairing a tail left by a crash. */
    public static ReviewJournal open(Path runDir) {
        Path file = runDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                long validEnd = ReviewLedger.scan(file, decision -> { }).validEnd();
                if (validEnd < Files.size(file)) {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.truncate(validEnd);
                        channel.force(true);
                    }
                }
            }
            return new ReviewJournal(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file + " for appending: " + e.getMessage(), e);
        }
    }

    /** Writes one decision and makes it durable. Thread-safe. */
    public synchronized void append(ReviewDecision decision) {
        byte[] line;
        try {
            line = (JsonCodec.mapper().writeValueAsString(decision) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a review decision", e);
        }
        try {
            out.write(line);
            out.getFD().sync();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
