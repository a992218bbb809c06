package dev.instructgen.storage;

import dev.instructgen.dataset.Example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A run as found on disk by {@link RunReader}. Examples are streamed from examples.jsonl, so a run of any
 * size can be exported without holding it in memory; close each stream (try-with-resources).
 */
public final class RunSnapshot {

    private final Path dir;
    private final Manifest manifest;
    private final StatsFile stats;
    private final String statsProblem;

    RunSnapshot(Path dir, Manifest manifest, StatsFile stats, String statsProblem) {
        this.dir = dir;
        this.manifest = manifest;
        this.stats = stats;
        this.statsProblem = statsProblem;
    }

    public Path path() {
        return dir;
    }

    public Manifest manifest() {
        return manifest;
    }

    /** stats.json as last written by the run, if any; its fields may be null in older or failed runs. */
    public Optional<StatsFile> stats() {
        return Optional.ofNullable(stats);
    }

    /** Why stats.json was present but not read (a field under another name, ...), if it was. */
    public Optional<String> statsProblem() {
        return Optional.ofNullable(statsProblem);
    }

    /**
     * Accepted examples in file order. A torn or unreadable tail is skipped; an unreadable line in the middle
     * throws {@link dev.instructgen.error.BadInputException} naming file and line.
     */
    public Stream<Example> examples() {
        return journal(dir.resolve(RunDirectory.EXAMPLES), JournalRestore::parseExample);
    }

    /** Rejected candidates per reason code, counted from rejected.jsonl. */
    public Map<String, Long> rejectionCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Stream<String> reasons = journal(dir.resolve(RunDirectory.REJECTED),
                JournalRestore::parseReason)) {
            reasons.forEach(reason -> counts.merge(reason, 1L, Long::sum));
        }
        return counts;
    }

    private static <T> Stream<T> journal(Path file, Function<String, T> parser) {
        if (!Files.exists(file)) {
            return Stream.empty();
        }
        JournalReader<T> reader = new JournalReader<>(file, parser);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(reader::close);
    }
}
