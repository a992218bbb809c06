package dev.instructgen.storage;

import dev.instructgen.dataset.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static dev.instructgen.storage.TestRuns.CLOCK;
import static dev.instructgen.storage.TestRuns.example;
import static dev.instructgen.storage.TestRuns.manifest;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kill -9 without a child process: a kill can stop the journal at any byte, so cut a finished journal at
 * many byte offsets (every line boundary, the bytes around it, and random ones), resume on each cut as the
 * engine does, finish the run, and check the result is exactly the target with nothing lost or repeated.
 */
class CrashResumeTest {

    private static final int TARGET = 12;

    @TempDir
    Path tmp;

    @Test
    void resumingAfterAKillAtAnyByteNeitherLosesNorRepeatsAcceptedExamples() throws IOException {
        Path reference = tmp.resolve("reference");
        try (RunDirectory run = RunDirectory.openOrCreate(reference, manifest(), CLOCK)) {
            for (int i = 0; i < TARGET; i++) {
                run.appendExample(example(i));
            }
        }
        byte[] journal = Files.readAllBytes(reference.resolve(RunDirectory.EXAMPLES));

        TreeSet<Integer> cuts = new TreeSet<>(List.of(0, journal.length));
        for (int i = 0; i < journal.length; i++) {
            if (journal[i] == '\n') {
                cuts.addAll(List.of(i, i + 1, Math.min(i + 2, journal.length)));
            }
        }
        SplittableRandom random = new SplittableRandom(20261121L);
        IntStream.range(0, 24).forEach(k -> cuts.add(random.nextInt(journal.length + 1)));

        for (int cut : cuts) {
            Path dir = Files.createDirectories(tmp.resolve("cut-" + cut));
            Files.copy(reference.resolve(RunDirectory.MANIFEST), dir.resolve(RunDirectory.MANIFEST));
            Files.write(dir.resolve(RunDirectory.EXAMPLES), java.util.Arrays.copyOf(journal, cut));
            int wholeLines = countNewlines(journal, cut);

            try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
                assertThat(run.restoredExamples()).as("cut at byte %d", cut)
                        .extracting(Example::id)
                        .containsExactlyElementsOf(ids(0, wholeLines));
                for (int i = run.restoredExamples().size(); i < TARGET; i++) {
                    run.appendExample(example(i));
                }
            }

            List<String> lines = Files.readAllLines(dir.resolve(RunDirectory.EXAMPLES));
            assertThat(lines.stream().map(JournalRestore::parseExample).map(Example::id))
                    .as("cut at byte %d", cut)
                    .containsExactlyElementsOf(ids(0, TARGET));
        }
        assertThat(cuts).hasSizeGreaterThan(TARGET * 2);
    }

    private static int countNewlines(byte[] bytes, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    private static List<String> ids(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "ex-" + i).toList();
    }
}
