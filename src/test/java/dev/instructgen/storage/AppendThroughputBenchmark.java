package dev.instructgen.storage;

import dev.instructgen.dataset.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Append throughput of a run directory (not part of the normal test run; see docs/run-directory.md):
 * {@code mvn -q -o test -Dtest=AppendThroughputBenchmark -Dinstructgen.benchmark=true}
 * Results go to target/bench/append-throughput.txt.
 */
@EnabledIfSystemProperty(named = "instructgen.benchmark", matches = "true")
class AppendThroughputBenchmark {

    private static final int WARMUP = 5_000;
    private static final int EXAMPLES = 50_000;

    @TempDir
    Path tmp;

    @Test
    void measuresExamplesPerSecond() throws Exception {
        Example[] examples = new Example[WARMUP + EXAMPLES];
        for (int i = 0; i < examples.length; i++) {
            examples[i] = TestRuns.example(i);
        }
        List<String> report = new ArrayList<>();
        for (int threads : new int[] {1, 8}) {
            Path dir = tmp.resolve("threads-" + threads);
            try (RunDirectory run = RunDirectory.openOrCreate(dir, TestRuns.manifest(), Clock.systemUTC())) {
                for (int i = 0; i < WARMUP; i++) {
                    run.appendExample(examples[i]);
                }
                run.flush();
                long start = System.nanoTime();
                List<Thread> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int offset = t;
                    workers.add(new Thread(() -> {
                        for (int i = WARMUP + offset; i < examples.length; i += threads) {
                            run.appendExample(examples[i]);
                        }
                    }));
                }
                workers.forEach(Thread::start);
                for (Thread worker : workers) {
                    worker.join();
                }
                run.flush();
                double seconds = (System.nanoTime() - start) / 1e9;
                long bytes = Files.size(dir.resolve(RunDirectory.EXAMPLES));
                report.add(String.format(Locale.ROOT,
                        "group commit, %d thread(s): %,d examples in %.2f s = %,.0f examples/s (%.0f bytes/line)",
                        threads, EXAMPLES, seconds, EXAMPLES / seconds, (double) bytes / (WARMUP + EXAMPLES)));
            }
            assertThat(RunReader.read(dir).examples().count()).isEqualTo(WARMUP + EXAMPLES);
        }
        report.add(fsyncPerLineBaseline());
        Path out = Files.createDirectories(Path.of("target", "bench")).resolve("append-throughput.txt");
        Files.write(out, report, StandardCharsets.UTF_8);
        report.forEach(System.out::println);
    }

    /** Lines with an fsync after every one: why the journal batches its fsyncs. */
    private String fsyncPerLineBaseline() {
        int lines = 2_000;
        try (JournalWriter writer = new JournalWriter(tmp.resolve("per-line.jsonl"), Runnable::run,
                Clock.systemUTC(), 1, 0)) {
            long start = System.nanoTime();
            for (int i = 0; i < lines; i++) {
                writer.append(("{\"n\":" + i + "}\n").getBytes(StandardCharsets.UTF_8));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(writer.linesSynced()).isEqualTo(lines);
            return String.format(Locale.ROOT, "fsync per line, 1 thread: %,d lines in %.2f s = %,.0f lines/s",
                    lines, seconds, lines / seconds);
        }
    }
}
