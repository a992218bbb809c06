package dev.instructgen.storage;

import dev.instructgen.dataset.RejectionReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import static dev.instructgen.storage.TestRuns.CLOCK;
import static dev.instructgen.storage.TestRuns.manifest;
import static dev.instructgen.storage.TestRuns.rejection;
import static org.assertj.core.api.Assertions.assertThat;

/** A run directory written by version 0.1.0, whose Evol-Instruct novelty check wrote {@code rouge_similarity}. */
class RetiredRejectionCodeTest {

    private static final String OLD_LINE = "{\"id\":\"a.r1\",\"stage\":\"evol-deepen\",\"reason\":\"rouge_similarity\","
            + "\"detail\":\"ROUGE-L F1 0.812 > 0.70 against b.r1\",\"instruction\":\"x\",\"input\":\"\","
            + "\"output\":\"y\",\"parents\":[\"a\"],\"created_at\":\"2026-11-21T22:00:00Z\"}\n";

    @TempDir
    Path tmp;

    private Path runWithAnOldAndANewRougeRejection() throws IOException {
        Path dir = tmp.resolve("run");
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            run.appendRejection(rejection(1, RejectionReason.TOO_SHORT));
        }
        Files.writeString(dir.resolve(RunDirectory.REJECTED), OLD_LINE, StandardOpenOption.APPEND);
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            run.appendRejection(rejection(2, RejectionReason.TOO_SIMILAR));
        }
        return dir;
    }

    @Test
    void aResumedRunCountsTheRetiredCodeUnderTheCurrentOne() throws IOException {
        Path dir = runWithAnOldAndANewRougeRejection();

        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            assertThat(run.restoredRejectionCounts())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("too_short", 1L, "too_similar", 2L));
            assertThat(run.readRejections()).extracting(r -> r.reason()).containsExactly(
                    RejectionReason.TOO_SHORT, RejectionReason.TOO_SIMILAR, RejectionReason.TOO_SIMILAR);
            assertThat(run.repairNotes()).isEmpty();
        }
    }

    @Test
    void theStatsOfAFinishedRunCountTheRetiredCodeUnderTheCurrentOne() throws IOException {
        Path dir = runWithAnOldAndANewRougeRejection();

        assertThat(RunReader.read(dir).rejectionCounts())
                .containsExactlyInAnyOrderEntriesOf(Map.of("too_short", 1L, "too_similar", 2L));
    }

    @Test
    void theOldLineStaysAsItWasWritten() throws IOException {
        Path dir = runWithAnOldAndANewRougeRejection();

        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            assertThat(run.resumed()).isTrue();
        }
        assertThat(Files.readAllLines(dir.resolve(RunDirectory.REJECTED))).hasSize(3)
                .element(1).isEqualTo(OLD_LINE.strip());
    }
}
