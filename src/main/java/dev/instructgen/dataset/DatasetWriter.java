package dev.instructgen.dataset;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.error.StorageException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes records in a dataset format: a pretty-printed JSON array for {@link DatasetFormat#jsonArray()} formats,
 * one compact object per line otherwise; UTF-8, non-ASCII text kept as is. The file is written beside the target
 * under a temporary name and renamed over it, so a reader never sees half a file (the same .tmp + rename that
 * OkHttp's DiskLruCache uses for its journal). A file that cannot be written is a storage failure, not bad
 * input: it is reported as a {@link StorageException} naming the file (exit 1, not 2).
 */
public final class DatasetWriter {

    private static final ObjectWriter COMPACT = JsonCodec.mapper().writer();

    /** Two-space indentation, "key": value like Python's json.dump(indent=2), arrays one element per line. */
    private static final ObjectWriter PRETTY = JsonCodec.mapper().writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")))
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private DatasetWriter() {
    }

    public static void write(Path file, DatasetFormat format, List<ObjectNode> records) {
        Path target = file.toAbsolutePath();
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Path parent = target.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer out = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 16)) {
                if (format.jsonArray()) {
                    PRETTY.writeValue(out, records);
                    out.write('\n');
                } else {
                    for (ObjectNode record : records) {
                        out.write(COMPACT.writeValueAsString(record));
                        out.write('\n');
                    }
                }
            }
            moveIntoPlace(temp, target);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw StorageException.writing(file, e);
        }
    }

    /** Writes a dataset's records back in its own format. */
    public static void write(Path file, Dataset dataset) {
        write(file, dataset.format(), dataset.records().stream().map(DatasetRecord::raw).toList());
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the write already failed; that error is the one worth reporting
        }
    }
}
