package dev.instructgen.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.dataset.RejectionReason;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a run's journals back on resume and repairs their tail: an unterminated last line (a write cut by a
 * kill) or trailing garbage lines (a power loss) are truncated away, as a journal does on open. Nothing that
 * was a whole, valid line is ever removed.
 */
final class JournalRestore {

    private JournalRestore() {
    }

    /** Parses one examples.jsonl line; throws on anything that is not a complete example. */
    static Example parseExample(String line) {
        try {
            return JsonCodec.mapper().readValue(line, Example.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    static Rejection parseRejection(String line) {
        try {
            return JsonCodec.mapper().readValue(line, Rejection.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    /** Parses one rejected.jsonl line down to its reason code, a retired alias read as the code that replaced it. */
    static String parseReason(String line) {
        JsonNode node;
        try {
            node = JsonCodec.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
        JsonNode reason = node == null ? null : node.get("reason");
        if (reason == null || !reason.isTextual()) {
            throw new IllegalArgumentException("no \"reason\" field");
        }
        return RejectionReason.fromCode(reason.asText()).code();
    }

    /**
     * Restores accepted examples in file order. Should an id appear twice (it cannot through
     * {@link RunDirectory#appendExample}, but a hand-edited file might) the first wins, so a resumed run
     * never counts an example twice.
     */
    static List<Example> examples(Path file, Consumer<String> notes) {
        List<Example> examples = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int[] duplicates = {0};
        read(file, JournalRestore::parseExample, example -> {
            if (ids.add(example.id())) {
                examples.add(example);
            } else {
                duplicates[0]++;
            }
        }, notes);
        if (duplicates[0] > 0) {
            notes.accept(file.getFileName() + ": ignored " + duplicates[0] + " line(s) repeating an earlier id");
        }
        return Collections.unmodifiableList(examples);
    }

    static UsageEvent parseUsage(String line) {
        try {
            return JsonCodec.mapper().readValue(line, UsageEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Every usage event, in file order (usage.jsonl). */
    static void usage(Path file, Consumer<UsageEvent> sink, Consumer<String> notes) {
        read(file, JournalRestore::parseUsage, sink, notes);
    }

    /** Every rejected candidate, in file order. */
    static List<Rejection> rejections(Path file, Consumer<String> notes) {
        List<Rejection> rejections = new ArrayList<>();
        read(file, JournalRestore::parseRejection, rejections::add, notes);
        return Collections.unmodifiableList(rejections);
    }

    /** Counts rejected candidates per reason code. */
    static Map<String, Long> rejectionCounts(Path file, Consumer<String> notes) {
        Map<String, Long> counts = new LinkedHashMap<>();
        read(file, JournalRestore::parseReason, reason -> counts.merge(reason, 1L, Long::sum), notes);
        return Collections.unmodifiableMap(counts);
    }

    private static <T> void read(Path file, Function<String, T> parser, Consumer<T> sink, Consumer<String> notes) {
        if (!Files.exists(file)) {
            return;
        }
        long validEnd;
        try (JournalReader<T> reader = new JournalReader<>(file, parser)) {
            while (reader.hasNext()) {
                sink.accept(reader.next());
            }
            if (!reader.damagedTail()) {
                return;
            }
            validEnd = reader.validEnd();
            notes.accept(describe(file, reader));
        }
        truncate(file, validEnd);
    }

    private static String describe(Path file, JournalReader<?> reader) {
        StringBuilder note = new StringBuilder(file.getFileName().toString()).append(": repaired the tail left by "
                + "an interrupted write (");
        if (reader.tornBytes() > 0) {
            note.append("dropped a torn last line of ").append(reader.tornBytes()).append(" bytes");
        }
        if (reader.invalidTailLines() > 0) {
            if (reader.tornBytes() > 0) {
                note.append(", ");
            }
            note.append("dropped ").append(reader.invalidTailLines()).append(" unreadable trailing line(s)");
        }
        return note.append(")").toString();
    }

    private static void truncate(Path file, long length) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(length);
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot repair " + file + ": " + e.getMessage(), e);
        }
    }
}
