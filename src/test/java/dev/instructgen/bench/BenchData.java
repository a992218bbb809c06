package dev.instructgen.bench;

import dev.instructgen.dataset.JsonCodec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The public instruction texts that benchmarks and some tests read, kept outside the project (their licenses do
 * not allow copying them in): {@code ../shared/bench-data/} from the project directory, or the directory named by
 * the system property {@code instructgen.benchData}. Callers skip (JUnit assumption) when it is absent.
 */
public final class BenchData {

    public static final String PROPERTY = "instructgen.benchData";

    private final Path directory;

    private BenchData(Path directory) {
        this.directory = directory;
    }

    public static Optional<BenchData> locate() {
        String configured = System.getProperty(PROPERTY);
        Path directory = configured == null || configured.isBlank()
                ? Path.of("..", "shared", "bench-data")
                : Path.of(configured);
        return Files.isRegularFile(directory.resolve("bench_pool.jsonl"))
                ? Optional.of(new BenchData(directory))
                : Optional.empty();
    }

    /** The 22,446 pool instructions, verbatim, in file order. */
    public List<String> pool() {
        return readJsonStrings("bench_pool.jsonl");
    }

    /** The 200 held-out candidate instructions. */
    public List<String> candidates() {
        return readJsonStrings("bench_candidates.jsonl");
    }

    /** Every non-empty instruction, input and output of the 14,565 triples, in file order. */
    public List<String> tripleTexts() {
        try {
            List<String> texts = new ArrayList<>();
            for (String line : Files.readAllLines(directory.resolve("triples.jsonl"), StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                var node = JsonCodec.mapper().readTree(line);
                for (String field : List.of("instruction", "input", "output")) {
                    String text = node.path(field).asText("");
                    if (!text.isBlank()) {
                        texts.add(text);
                    }
                }
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> readJsonStrings(String file) {
        try {
            List<String> texts = new ArrayList<>();
            for (String line : Files.readAllLines(directory.resolve(file), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    texts.add(JsonCodec.mapper().readValue(line, String.class));
                }
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
