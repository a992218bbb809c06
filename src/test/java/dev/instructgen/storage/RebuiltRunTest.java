package dev.instructgen.storage;

import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RebuiltRunTest {

    @TempDir
    Path tmp;

    private static RebuiltRun.Contents contents(String command, List<?> examples) {
        Manifest manifest = new Manifest("0.1.0", command, command + "-1", Map.of(), Map.of(), null, Map.of(), null,
                Map.of(), null, 1L);
        return new RebuiltRun.Contents(manifest, examples, List.of(), Map.of("accepted", examples.size()), "# card\n");
    }

    @Test
    void replacesItsOwnRunWholeAndLeavesNoTemporaryDirectoryBehind() throws IOException {
        Path dir = tmp.resolve("out");
        RebuiltRun.write(dir, contents("mix", List.of(Map.of("id", "a"), Map.of("id", "b"))));
        RebuiltRun.write(dir, contents("mix", List.of(Map.of("id", "c"))));

        assertThat(Files.readAllLines(dir.resolve("examples.jsonl"))).containsExactly("{\"id\":\"c\"}");
        assertThat(RunReader.read(dir).manifest().command()).isEqualTo("mix");
        try (var entries = Files.list(tmp)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("out", ".out.lock");
        }
    }

    @Test
    void refusesADirectoryHoldingFilesThatAreNotARun() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(dir.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> RebuiltRun.write(dir, contents("template", List.of())))
                .isInstanceOf(BadInputException.class).hasMessageContaining("is not empty and holds no run");
        assertThat(dir.resolve("notes.txt")).exists();
    }

    @Test
    void refusesWhileAnotherWriterHoldsTheLock() throws IOException {
        Path dir = tmp.resolve("out");
        try (FileChannel channel = FileChannel.open(tmp.resolve(".out.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = channel.lock()) {
            assertThatThrownBy(() -> RebuiltRun.write(dir, contents("mix", List.of())))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("is being written by another instructgen process");
        }
        assertThat(dir).doesNotExist();
    }
}
