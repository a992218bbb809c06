package dev.instructgen.cli;

import dev.instructgen.testing.ChildProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * validate streams: a file of a million distinct Alpaca records (about 180 MB, generated here, never committed)
 * is checked by the real CLI in a child JVM limited to a 256 MB heap.
 */
class ValidateLargeFileInSmallHeapTest {

    static final int RECORDS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aMillionRecordFileIsValidatedWithin256MegabytesOfHeap() throws Exception {
        Path file = dir.resolve("million.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < RECORDS; i++) {
                w.write("{\"instruction\": \"Write a short note about topic number " + i
                        + " for the weekly newsletter.\", \"input\": \"\", \"output\": \"Topic " + i
                        + " is covered in this short note for readers of the newsletter.\"}\n");
            }
        }
        Path log = dir.resolve("child.log");
        long start = System.nanoTime();
        Process child = ChildProcess.builder(List.of("validate", file.toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = child.waitFor(170, TimeUnit.SECONDS);
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        if (!ended) {
            child.destroyForcibly();
        }

        String output = Files.readString(log);
        assertThat(ended).as("validate ended").isTrue();
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains(RECORDS + " records, format Alpaca (JSONL), no problems")
                .doesNotContain("OutOfMemoryError");
        System.out.printf("validate of %d records (%d MB) under -Xmx256m: %d s%n", RECORDS,
                Files.size(file) >> 20, seconds);
    }
}
