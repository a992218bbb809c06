package dev.instructgen.pipeline.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.error.StorageException;
import dev.instructgen.storage.AtomicFile;

import java.io.IOException;
import java.io.FileOutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * batches.jsonl and the batch files beside it ({@code batches/<name>-input.jsonl}, {@code -output.jsonl},
 * {@code -errors.jsonl}). Every event is forced to disk before the call it announces (or after the call it
 * records) goes on, so the journal is never behind the server by more than the one call in progress; batch
 * events are few (a handful per batch), so the fsync costs nothing next to the hours a batch takes. A torn last
 * line (a kill in mid-write) is cut off when the journal is opened, as the other journals of the run do.
 */
final class BatchJournal implements AutoCloseable {

    static final String FILE = "batches.jsonl";
    static final String FILES_DIR = "batches";
    private static final ObjectMapper JSON = JsonCodec.mapper();

    private final Path file;
    private final Path filesDir;
    /** A stream, not a FileChannel: an interrupted courier thread must not close the journal for the others. */
    private final FileOutputStream out;
    private final List<BatchEvent> restored;

    private BatchJournal(Path file, Path filesDir, FileOutputStream out, List<BatchEvent> restored) {
        this.file = file;
        this.filesDir = filesDir;
        this.out = out;
        this.restored = restored;
    }

    /** Opens (or creates) the journal of the run directory {@code dir}, reading what earlier processes wrote. */
    static BatchJournal open(Path dir) {
        Path file = dir.resolve(FILE);
        try {
            List<BatchEvent> events = new ArrayList<>();
            long whole = 0;
            if (Files.exists(file)) {
                byte[] bytes = Files.readAllBytes(file);
                int start = 0;
                for (int i = 0; i < bytes.length; i++) {
                    if (bytes[i] == '\n') {
                        String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
                        if (!line.isBlank()) {
                            events.add(read(file, line));
                        }
                        start = i + 1;
                        whole = start;
                    }
                }
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                channel.truncate(whole); // a torn tail is a line whose write the kill interrupted: it never happened
            }
            return new BatchJournal(file, dir.resolve(FILES_DIR), new FileOutputStream(file.toFile(), true),
                    List.copyOf(events));
        } catch (IOException e) {
            throw StorageException.reading(file, e);
        }
    }

    private static BatchEvent read(Path file, String line) throws IOException {
        try {
            return JSON.readValue(line, BatchEvent.class);
        } catch (IOException e) {
            throw new IOException("a line of the batch journal cannot be read: " + e.getMessage(), e);
        }
    }

    /** What earlier processes journalled, in order. */
    List<BatchEvent> restored() {
        return restored;
    }

    synchronized void append(BatchEvent event) {
        try {
            out.write((JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8));
            out.getFD().sync();
        } catch (IOException e) {
            throw StorageException.writing(file, e);
        }
    }

    /** Keeps a batch file (input, output, errors) in the run directory, replaced atomically. */
    void keep(String batch, String kind, byte[] content) {
        try {
            Files.createDirectories(filesDir);
        } catch (IOException e) {
            throw StorageException.writing(filesDir, e);
        }
        AtomicFile.write(path(batch, kind), content);
    }

    /** A batch file kept earlier, if there is one. */
    Optional<byte[]> kept(String batch, String kind) {
        Path path = path(batch, kind);
        try {
            return Files.exists(path) ? Optional.of(Files.readAllBytes(path)) : Optional.empty();
        } catch (IOException e) {
            throw StorageException.reading(path, e);
        }
    }

    private Path path(String batch, String kind) {
        return filesDir.resolve(batch + "-" + kind + ".jsonl");
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw StorageException.writing(file, e);
        }
    }
}
