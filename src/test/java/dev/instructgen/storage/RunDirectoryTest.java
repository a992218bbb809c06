package dev.instructgen.storage;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.error.BadInputException;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.dataset.JsonCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.instructgen.storage.TestRuns.CLOCK;
import static dev.instructgen.storage.TestRuns.example;
import static dev.instructgen.storage.TestRuns.limits;
import static dev.instructgen.storage.TestRuns.manifest;
import static dev.instructgen.storage.TestRuns.rejection;
import static dev.instructgen.storage.TestRuns.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RunDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void createsTheDirectoryAndWritesASnakeCaseManifestWithoutSecrets() throws IOException {
        Path dir = tmp.resolve("runs/first");
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            assertThat(run.resumed()).isFalse();
            assertThat(run.restoredExamples()).isEmpty();
            assertThat(run.previousStats()).isEmpty();
            assertThat(run.path()).isEqualTo(dir);
        }
        JsonNode json = JsonCodec.mapper().readTree(dir.resolve("manifest.json").toFile());
        assertThat(json.get("tool_version").asText()).isEqualTo("0.1.0");
        assertThat(json.get("run_id").asText()).isEqualTo("run-1");
        assertThat(json.get("seeds").get("sha256").asText()).isEqualTo(TestRuns.SEEDS_SHA);
        assertThat(json.get("settings").get("rouge-threshold").asDouble()).isEqualTo(0.7);
        assertThat(json.get("random_seed").asLong()).isEqualTo(42);
        assertThat(json.get("started_at").asText()).isEqualTo("2026-11-21T22:00:00Z");
        assertThat(json.get("teacher").get("model").asText()).isEqualTo("llama3.1:8b");
    }

    @Test
    void resumesWithTheSameSettingsAndRestoresExamplesRejectionsAndStats() {
        Path dir = tmp.resolve("run");
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            for (int i = 0; i < 5; i++) {
                run.appendExample(example(i));
            }
            run.appendRejection(rejection(1, RejectionReason.TOO_SIMILAR));
            run.appendRejection(rejection(2, RejectionReason.TOO_SIMILAR));
            run.appendRejection(rejection(3, RejectionReason.TOO_SHORT));
            run.writeStats(Map.of("accepted", 5, "status", "running"));
        }
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(settings(0.7), limits(500)), CLOCK)) {
            assertThat(run.resumed()).isTrue();
            assertThat(run.restoredExamples()).containsExactly(example(0), example(1), example(2), example(3),
                    example(4));
            assertThat(run.restoredRejectionCounts())
                    .containsExactlyInAnyOrderEntriesOf(Map.of("too_similar", 2L, "too_short", 1L));
            assertThat(run.previousStats()).hasValueSatisfying(s -> assertThat(s.get("accepted").asInt()).isEqualTo(5));
            assertThat(run.manifest().limits()).containsEntry("target", 500);
            assertThat(run.repairNotes()).isEmpty();
        }
        assertThat(RunReader.read(dir).manifest().limits().get("target")).isEqualTo(500);
    }

    @Test
    void refusesToResumeWithDifferentSettingsNamingEachDifference() {
        Path dir = tmp.resolve("run");
        RunDirectory.openOrCreate(dir, manifest(), CLOCK).close();

        Map<String, Object> changed = settings(0.8);
        changed.put("num-prompt-instructions", 8L); // same value, another Java type: not a difference
        changed.put("tokenizer", "rouge-score");
        Manifest base = manifest(changed, limits(100));
        Manifest requested = new Manifest(base.toolVersion(), base.command(), base.runId(), base.settings(),
                base.limits(), new SeedFileRef("other/seeds.jsonl", "c".repeat(64)),
                Map.of("instruction-generation.txt", "d".repeat(64)), base.teacher(), base.licensePolicy(),
                "2026-11-22T08:00:00Z", 7L);

        assertThatThrownBy(() -> RunDirectory.openOrCreate(dir, requested, CLOCK))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("run directory " + dir + " holds a run with different settings: ")
                .hasMessageContaining("rouge-threshold 0.7 -> 0.8")
                .hasMessageContaining("tokenizer (unset) -> rouge-score")
                .hasMessageContaining("seeds sha256 aaaaaaaaaaaa... -> cccccccccccc...")
                .hasMessageContaining("prompt instruction-generation.txt sha256 bbbbbbbbbbbb... -> dddddddddddd...")
                .hasMessageContaining("random-seed 42 -> 7")
                .hasMessageEndingWith("(use a new --out or the same settings)")
                .message().doesNotContain("num-prompt-instructions").doesNotContain("target");
    }

    @Test
    void aRefusedDirectoryKeepsNoLockFile() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("not-a-run"));
        Files.writeString(dir.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> RunDirectory.openOrCreate(dir, manifest(), CLOCK))
                .isInstanceOf(BadInputException.class);

        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void refusesToResumeAnotherCommandInTheSameDirectory() {
        Path dir = tmp.resolve("run");
        RunDirectory.openOrCreate(dir, manifest(), CLOCK).close();
        Manifest base = manifest();
        Manifest evol = new Manifest(base.toolVersion(), "evol-instruct", base.runId(), base.settings(),
                base.limits(), base.seeds(), base.prompts(), base.teacher(), base.licensePolicy(),
                base.startedAt(), base.randomSeed());

        assertThatThrownBy(() -> RunDirectory.openOrCreate(dir, evol, CLOCK))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("command self-instruct -> evol-instruct");
    }

    @Test
    void readsBackEveryWholeRejectionAfterACrashTornTheLastOne() throws IOException {
        Path dir = tmp.resolve("run");
        Rejection first = new Rejection("c-1", "evol-deepen", RejectionReason.PROMPT_LEAK, "says \"rewritten prompt\"",
                "x", null, null, List.of("seed-1"), Instant.parse("2026-11-21T00:00:00Z"));
        Rejection second = new Rejection("c-2", "evol-deepen", RejectionReason.RESPONSE_APOLOGY, "sorry in 5 words",
                "y", null, "Sorry.", List.of("c-1"), Instant.parse("2026-11-21T00:00:01Z"));
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            run.appendRejection(first);
            run.appendRejection(second);
        }
        Files.writeString(dir.resolve("rejected.jsonl"), "{\"id\":\"c-3\",\"rea", StandardOpenOption.APPEND);

        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            assertThat(run.restoredRejectionCounts()).containsOnly(
                    Map.entry("prompt_leak", 1L), Map.entry("response_apology", 1L));
            assertThat(run.readRejections()).containsExactly(first, second);
        }
    }

    @Test
    void repairsATornLastLineSoNoExampleIsLostOrRepeated() throws IOException {
        Path dir = tmp.resolve("run");
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            for (int i = 0; i < 3; i++) {
                run.appendExample(example(i));
            }
        }
        Path examples = dir.resolve("examples.jsonl");
        String torn = JsonCodec.mapper().writeValueAsString(example(3));
        Files.writeString(examples, torn.substring(0, torn.length() / 2), StandardOpenOption.APPEND);

        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            assertThat(run.restoredExamples()).extracting(Example::id).containsExactly("ex-0", "ex-1", "ex-2");
            assertThat(run.repairNotes()).singleElement().asString()
                    .contains("examples.jsonl").contains("torn last line");
            run.appendExample(example(3));
            run.appendExample(example(4));
        }
        List<String> lines = Files.readAllLines(examples);
        assertThat(lines).hasSize(5);
        assertThat(lines).allSatisfy(line -> JournalRestore.parseExample(line));
        assertThat(lines.stream().map(JournalRestore::parseExample).map(Example::id))
                .containsExactly("ex-0", "ex-1", "ex-2", "ex-3", "ex-4");
    }

    @Test
    void dropsTrailingGarbageLinesLeftByAPowerLoss() throws IOException {
        Path dir = tmp.resolve("run");
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            run.appendExample(example(0));
            run.appendRejection(rejection(0, RejectionReason.TOO_LONG));
        }
        Files.write(dir.resolve("rejected.jsonl"), new byte[] {0, 0, 0, 0, '\n', 0, 0}, StandardOpenOption.APPEND);

        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            assertThat(run.restoredRejectionCounts()).containsExactly(Map.entry("too_long", 1L));
            assertThat(run.repairNotes()).singleElement().asString()
                    .contains("rejected.jsonl").contains("1 unreadable trailing line");
        }
        assertThat(Files.readAllLines(dir.resolve("rejected.jsonl"))).hasSize(1);
    }

    @Test
    void refusesAJournalDamagedInTheMiddleNamingFileAndLine() throws IOException {
        Path dir = tmp.resolve("run");
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            run.appendExample(example(0));
        }
        Path examples = dir.resolve("examples.jsonl");
        Files.writeString(examples, "{not json\n" + JsonCodec.mapper().writeValueAsString(example(1)) + "\n",
                StandardOpenOption.APPEND);

        assertThatThrownBy(() -> RunDirectory.openOrCreate(dir, manifest(), CLOCK))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining(examples + ":2: not a valid record");
        assertThat(Files.readAllLines(examples)).hasSize(3);
    }

    @Test
    void concurrentAppendsFromEightThreadsProduceWholeLinesOnly() throws Exception {
        Path dir = tmp.resolve("run");
        int perThread = 500;
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            List<Thread> threads = IntStream.range(0, 8).mapToObj(t -> new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    int n = t * perThread + i;
                    run.appendExample(example(n));
                    run.appendRejection(rejection(n, RejectionReason.values()[t]));
                }
            })).toList();
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
        }
        List<String> lines = Files.readAllLines(dir.resolve("examples.jsonl"));
        assertThat(lines).hasSize(8 * perThread);
        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            ids.add(JournalRestore.parseExample(line).id());
        }
        assertThat(ids).hasSize(8 * perThread);
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            assertThat(run.restoredRejectionCounts()).hasSize(8).allSatisfy((reason, n) -> assertThat(n)
                    .isEqualTo(perThread));
        }
    }

    @Test
    void anInterruptedThreadCanStillAppendAndDoesNotBreakTheJournalForOthers() throws IOException {
        Path dir = tmp.resolve("run");
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            Thread.currentThread().interrupt();
            try {
                run.appendExample(example(0));
                run.writeStats(Map.of("accepted", 1));
                run.flush();
            } finally {
                assertThat(Thread.interrupted()).as("interrupt status is left for the caller").isTrue();
            }
            run.appendExample(example(1));
        }
        assertThat(Files.readAllLines(dir.resolve("examples.jsonl"))).hasSize(2);
        assertThat(Files.readString(dir.resolve("stats.json"))).contains("\"accepted\" : 1");
    }

    @Test
    void atomicRewritesLeaveNoTempFilesAndOpeningRemovesLeftoversOfACrash() throws IOException {
        Path dir = tmp.resolve("run");
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            for (int i = 0; i < 20; i++) {
                run.writeStats(Map.of("accepted", i));
                run.writeCheckpoint("evolution", Map.of("round", i));
            }
            run.writeText("DATASET_CARD.md", "# Dataset card\n");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(AtomicFile.TEMP_SUFFIX));
        }
        assertThat(JsonCodec.mapper().readTree(dir.resolve("stats.json").toFile()).get("accepted").asInt())
                .isEqualTo(19);
        assertThat(Files.readString(dir.resolve("DATASET_CARD.md"))).isEqualTo("# Dataset card\n");

        Path leftover = dir.resolve(".stats.json.123" + AtomicFile.TEMP_SUFFIX);
        Files.writeString(leftover, "{\"accepted\":");
        Path leftoverCheckpoint = dir.resolve("checkpoints/.evolution.json.9" + AtomicFile.TEMP_SUFFIX);
        Files.writeString(leftoverCheckpoint, "{\"round\":");
        RunDirectory.openOrCreate(dir, manifest(), CLOCK).close();
        assertThat(leftover).doesNotExist();
        assertThat(leftoverCheckpoint).doesNotExist();
        assertThat(dir.resolve("checkpoints/evolution.json")).exists();
    }

    @Test
    void atomicallyWrittenFilesGetTheSamePermissionsAsAnyNewFile() throws IOException {
        Path dir = tmp.resolve("run");
        RunDirectory.openOrCreate(dir, manifest(), CLOCK).close();
        Path plain = Files.createFile(dir.resolve("plain"));
        assumeTrue(plain.getFileSystem().supportedFileAttributeViews().contains("posix"));

        assertThat(Files.getPosixFilePermissions(dir.resolve("manifest.json")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void checkpointsRoundTripAndAreEmptyWhenNeverWritten() {
        record Round(int round, List<String> pool) {
        }
        try (RunDirectory run = RunDirectory.openOrCreate(tmp.resolve("run"), manifest(), CLOCK)) {
            assertThat(run.readCheckpoint("evolution", Round.class)).isEmpty();
            run.writeCheckpoint("evolution", new Round(2, List.of("a", "b")));
            assertThat(run.readCheckpoint("evolution", Round.class)).contains(new Round(2, List.of("a", "b")));
            assertThatThrownBy(() -> run.writeCheckpoint("../escape", 1)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aSecondWriterOnTheSameDirectoryIsRefusedUntilTheFirstCloses() {
        Path dir = tmp.resolve("run");
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            assertThatThrownBy(() -> RunDirectory.openOrCreate(dir, manifest(), CLOCK))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("is in use by another instructgen process");
            assertThat(run.resumed()).isFalse();
        }
        RunDirectory.openOrCreate(dir, manifest(), CLOCK).close();
    }

    @Test
    void refusesJournalsThatHaveNoManifest() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(dir.resolve("examples.jsonl"), "{\"instruction\":\"x\"}\n");
        assertThatThrownBy(() -> RunDirectory.openOrCreate(dir, manifest(), CLOCK))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("has examples.jsonl but no manifest.json");
    }

    @Test
    void aReaderSeesAppendsWhileTheRunIsStillOpen() {
        Path dir = tmp.resolve("run");
        try (RunDirectory run = RunDirectory.openOrCreate(dir, manifest(), CLOCK)) {
            run.appendExample(example(1));
            try (Stream<Example> examples = RunReader.read(dir).examples()) {
                assertThat(examples).containsExactly(example(1));
            }
        }
    }

    @Test
    void readerExplainsWhatIsMissingFromADirectoryThatHoldsNoRun() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> RunReader.read(empty))
                .isInstanceOf(BadInputException.class)
                .hasMessage(empty + " is not a run directory: no manifest.json");
        assertThatThrownBy(() -> RunReader.read(tmp.resolve("absent")))
                .hasMessageContaining("is not a run directory: it does not exist");
        Files.writeString(empty.resolve("manifest.json"), "{", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RunReader.read(empty))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("manifest.json: not a valid run manifest");
    }
}
