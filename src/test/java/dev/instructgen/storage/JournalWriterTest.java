package dev.instructgen.storage;

import dev.instructgen.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The group commit, driven by a hand-cranked clock and executor instead of real time and threads. */
class JournalWriterTest {

    @TempDir
    Path tmp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T22:00:00Z"));
    private final QueuedExecutor syncer = new QueuedExecutor();

    private static byte[] line(int n) {
        return ("{\"n\":" + n + "}\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void asksForAnFsyncOnceTheBatchIsFullAndNotBefore() throws Exception {
        try (JournalWriter writer = new JournalWriter(tmp.resolve("j.jsonl"), syncer, clock, 4, 200)) {
            for (int i = 0; i < 3; i++) {
                writer.append(line(i));
            }
            assertThat(syncer.pending()).isZero();
            writer.append(line(3));
            assertThat(syncer.pending()).isEqualTo(1);
            writer.append(line(4));
            assertThat(syncer.pending()).as("one queued fsync covers later lines too").isEqualTo(1);
            syncer.runAll();
            assertThat(writer.linesSynced()).isEqualTo(5);
        }
    }

    @Test
    void fsyncsALoneLineOnceItHasWaitedTheInterval() {
        try (JournalWriter writer = new JournalWriter(tmp.resolve("j.jsonl"), syncer, clock, 100, 200)) {
            writer.append(line(1));
            writer.syncIfDue();
            assertThat(syncer.pending()).isZero();
            clock.advance(Duration.ofMillis(199));
            writer.syncIfDue();
            assertThat(syncer.pending()).isZero();
            clock.advance(Duration.ofMillis(1));
            writer.syncIfDue();
            syncer.runAll();
            assertThat(writer.linesSynced()).isEqualTo(1);
        }
    }

    @Test
    void flushAndCloseMakeEverythingDurableAndWrittenLinesAreWhole() throws Exception {
        Path file = tmp.resolve("j.jsonl");
        JournalWriter writer = new JournalWriter(file, syncer, clock, 100, 200);
        writer.append(line(1));
        writer.flush();
        assertThat(writer.linesSynced()).isEqualTo(1);
        writer.append(line(2));
        writer.close();
        assertThat(Files.readString(file)).isEqualTo("{\"n\":1}\n{\"n\":2}\n");
        assertThatThrownBy(() -> writer.append(line(3))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void appendsAfterWhatIsAlreadyInTheFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("j.jsonl"), "{\"n\":0}\n");
        try (JournalWriter writer = new JournalWriter(file, syncer, clock, 100, 200)) {
            writer.append(line(1));
        }
        assertThat(Files.readAllLines(file)).containsExactly("{\"n\":0}", "{\"n\":1}");
    }

    static final class QueuedExecutor implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        int pending() {
            return tasks.size();
        }

        void runAll() {
            while (!tasks.isEmpty()) {
                tasks.poll().run();
            }
        }
    }
}
