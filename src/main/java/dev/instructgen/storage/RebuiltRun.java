package dev.instructgen.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.error.BadInputException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a whole run directory at once, for commands whose output is a cheap, deterministic function of their
 * inputs ({@code mix}, {@code template}): instead of journals that resume, the directory is built beside the
 * target under a temporary name and renamed into place, replacing the previous run of the same command. A reader
 * sees the old run or the new one; a crash leaves the old run (or, between the two renames, the finished new one
 * under {@code .NAME.rebuild-tmp}, which the next run removes). One process at a time holds {@code .NAME.lock}
 * beside the directory. The files have the layout and encoding of
 * {@link RunDirectory}, so {@code stats}, {@code export} and {@code evol-instruct --input} read them as any run.
 */
public final class RebuiltRun {

    private static final ObjectWriter PRETTY = JsonCodec.mapper().writerWithDefaultPrettyPrinter();

    /**
     * @param examples   records of examples.jsonl, each written as one compact JSON line
     * @param rejections records of rejected.jsonl
     * @param stats      stats.json's content
     * @param card       DATASET_CARD.md
     * @param otherFiles further files of the command, by name (e.g. template's paraphrases.jsonl)
     */
    public record Contents(Manifest manifest, List<?> examples, List<?> rejections, Object stats, String card,
                           Map<String, byte[]> otherFiles) {

        public Contents {
            otherFiles = Map.copyOf(otherFiles);
        }

        public Contents(Manifest manifest, List<?> examples, List<?> rejections, Object stats, String card) {
            this(manifest, examples, rejections, stats, card, Map.of());
        }
    }

    private RebuiltRun() {
    }

    /**
     * @throws BadInputException when {@code dir} holds something else than a run of the same command
     */
    public static void write(Path dir, Contents contents) {
        Path target = dir.toAbsolutePath().normalize();
        refuseForeign(target, contents.manifest().command());
        Path temp = target.resolveSibling("." + target.getFileName() + ".rebuild-tmp");
        Path old = target.resolveSibling("." + target.getFileName() + ".replaced-tmp");
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new BadInputException("cannot create " + target.getParent() + ": " + e.getMessage(), e);
        }
        // One writer at a time: the lock sits beside the directory, since the directory itself is replaced.
        Path lockFile = target.resolveSibling("." + target.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new BadInputException("run directory " + dir + " is being written by another instructgen"
                        + " process (wait for it to finish, or use a new --out)");
            }
            replace(target, temp, old, contents);
        } catch (IOException e) {
            throw new BadInputException("cannot write run directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void replace(Path target, Path temp, Path old, Contents contents) {
        try {
            deleteTree(temp);
            deleteTree(old);
            Files.createDirectories(temp);
            AtomicFile.write(temp.resolve(RunDirectory.MANIFEST), json(PRETTY, contents.manifest()));
            AtomicFile.write(temp.resolve(RunDirectory.EXAMPLES), out -> lines(out, contents.examples()));
            AtomicFile.write(temp.resolve(RunDirectory.REJECTED), out -> lines(out, contents.rejections()));
            AtomicFile.write(temp.resolve(RunDirectory.STATS), json(PRETTY, contents.stats()));
            AtomicFile.write(temp.resolve(RunDirectory.DATASET_CARD), contents.card().getBytes(StandardCharsets.UTF_8));
            for (Map.Entry<String, byte[]> file : contents.otherFiles().entrySet()) {
                AtomicFile.write(temp.resolve(file.getKey()), file.getValue());
            }
            if (Files.exists(target)) {
                move(target, old);
            }
            move(temp, target);
            deleteTree(old);
            AtomicFile.syncDirectory(target.getParent());
        } catch (IOException e) {
            throw new BadInputException("cannot write run directory " + target + ": " + e.getMessage(), e);
        }
    }

    private static void refuseForeign(Path dir, String command) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(dir + " is not a directory; --out needs a run directory");
        }
        if (Files.isRegularFile(dir.resolve(RunDirectory.MANIFEST))) {
            String stored = RunReader.readManifest(dir).command();
            if (!command.equals(stored)) {
                throw new BadInputException("run directory " + dir + " holds a " + stored + " run; " + command
                        + " only replaces its own runs (use a new --out)");
            }
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new BadInputException(dir + " is not empty and holds no run; use a new --out");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void lines(java.io.OutputStream out, List<?> records) throws IOException {
        ObjectWriter compact = JsonCodec.mapper().writer();
        for (Object record : records) {
            out.write(compact.writeValueAsBytes(record));
            out.write('\n');
        }
    }

    private static byte[] json(ObjectWriter writer, Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
