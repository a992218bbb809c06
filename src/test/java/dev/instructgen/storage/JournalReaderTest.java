package dev.instructgen.storage;

import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalReaderTest {

    @TempDir
    Path tmp;

    /** Accepts lines that look like {"n":...} and nothing else, standing in for a JSON parser. */
    private static final Function<String, String> STRICT = line -> {
        if (!line.startsWith("{\"n\":") || !line.endsWith("}")) {
            throw new IllegalArgumentException("bad line");
        }
        return line;
    };

    private List<String> readAll(JournalReader<String> reader) {
        List<String> lines = new ArrayList<>();
        reader.forEachRemaining(lines::add);
        return lines;
    }

    @Test
    void readsLinesLongerThanItsBufferAndLinesThatCrossBufferBoundaries() throws IOException {
        StringBuilder content = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String line = "{\"n\":\"" + "x".repeat(i * 37 % 5000) + "é" + i + "\"}";
            expected.add(line);
            content.append(line).append('\n');
        }
        String huge = "{\"n\":\"" + "y".repeat(200_000) + "\"}";
        expected.add(huge);
        content.append(huge).append('\n');
        Path file = Files.writeString(tmp.resolve("j.jsonl"), content);

        try (JournalReader<String> reader = new JournalReader<>(file, STRICT)) {
            assertThat(readAll(reader)).isEqualTo(expected);
            assertThat(reader.damagedTail()).isFalse();
            assertThat(reader.validEnd()).isEqualTo(Files.size(file));
        }
    }

    @Test
    void reportsATornLastLineAndWhereTheValidPartEnds() throws IOException {
        Path file = Files.writeString(tmp.resolve("j.jsonl"), "{\"n\":1}\n{\"n\":2}\n{\"n\":", StandardCharsets.UTF_8);

        try (JournalReader<String> reader = new JournalReader<>(file, STRICT)) {
            assertThat(readAll(reader)).containsExactly("{\"n\":1}", "{\"n\":2}");
            assertThat(reader.tornBytes()).isEqualTo(5);
            assertThat(reader.validEnd()).isEqualTo(16);
            assertThat(reader.damagedTail()).isTrue();
        }
    }

    @Test
    void treatsInvalidWholeLinesAtTheEndAsDamagedTailButBlankLinesAsHarmless() throws IOException {
        Path file = Files.writeString(tmp.resolve("j.jsonl"), "{\"n\":1}\n\n{\"n\":2}\ngarbage\n\0\0\0\n");

        try (JournalReader<String> reader = new JournalReader<>(file, STRICT)) {
            assertThat(readAll(reader)).containsExactly("{\"n\":1}", "{\"n\":2}");
            assertThat(reader.invalidTailLines()).isEqualTo(2);
            assertThat(reader.validEnd()).isEqualTo("{\"n\":1}\n\n{\"n\":2}\n".length());
        }
    }

    @Test
    void refusesAnInvalidLineFollowedByValidOnesNamingItsLineNumber() throws IOException {
        Path file = Files.writeString(tmp.resolve("j.jsonl"), "{\"n\":1}\n{\"n\":2}\noops\n{\"n\":4}\n");

        try (JournalReader<String> reader = new JournalReader<>(file, STRICT)) {
            assertThatThrownBy(() -> readAll(reader))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageStartingWith(file + ":3: not a valid record (bad line)");
        }
    }

    @Test
    void anEmptyFileHasNothingToRepair() throws IOException {
        Path file = Files.writeString(tmp.resolve("j.jsonl"), "");
        try (JournalReader<String> reader = new JournalReader<>(file, STRICT)) {
            assertThat(reader.hasNext()).isFalse();
            assertThat(reader.damagedTail()).isFalse();
        }
    }
}
