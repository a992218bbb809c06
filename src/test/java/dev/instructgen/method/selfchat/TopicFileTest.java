package dev.instructgen.method.selfchat;

import dev.instructgen.dataset.SeedTask;
import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicFileTest {

    @TempDir
    Path dir;

    @Test
    void eachNonBlankLineIsATopicNamedByFileAndLine() throws Exception {
        Path file = dir.resolve("topics.txt");
        Files.writeString(file, "\uFEFFHow do tides work?\r\n\n   \nWhy is the sky blue?  \n");

        List<SeedTask> topics = TopicFile.read(file);

        assertThat(topics).extracting(SeedTask::id).containsExactly("topics-1", "topics-4");
        assertThat(topics).extracting(SeedTask::instruction).containsExactly("How do tides work?",
                "Why is the sky blue?");
    }

    @Test
    void aLineThatIsNotUtf8IsNamedWithItsLine() throws Exception {
        Path file = dir.resolve("t.txt");
        Files.write(file, new byte[] {'o', 'k', '\n', 'c', 'a', 'f', (byte) 0xe9, '\n'});

        assertThatThrownBy(() -> TopicFile.read(file)).isInstanceOf(BadInputException.class)
                .hasMessage(file + ":2: not valid UTF-8 text; save the file as UTF-8");
    }

    @Test
    void aTopicGivenTwiceIsRefusedWithBothLines() throws Exception {
        Path file = dir.resolve("t.txt");
        Files.writeString(file, "Tides\nSky\ntides\n");

        assertThatThrownBy(() -> TopicFile.read(file)).hasMessage(file + ":3: the same topic as line 1; give each "
                + "topic once");
    }

    @Test
    void anOverlongLineAndAnEmptyFileAreRefused() throws Exception {
        Path longLine = dir.resolve("long.txt");
        Files.writeString(longLine, "x".repeat(TopicFile.MAX_CHARS + 1));
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "\n\n");

        assertThatThrownBy(() -> TopicFile.read(longLine)).hasMessageStartingWith(longLine + ":1: the topic is 2001");
        assertThatThrownBy(() -> TopicFile.read(empty)).hasMessageContaining("no topics found");
        assertThatThrownBy(() -> TopicFile.read(dir.resolve("missing.txt"))).hasMessageContaining("cannot read");
    }
}
