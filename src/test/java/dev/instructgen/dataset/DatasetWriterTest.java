package dev.instructgen.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.error.StorageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetWriterTest {

    @TempDir
    Path dir;

    private static ObjectNode record(String instruction, String input, String output) {
        ObjectNode node = JsonCodec.mapper().createObjectNode();
        node.put("instruction", instruction).put("input", input).put("output", output);
        return node;
    }

    private final List<ObjectNode> records = List.of(
            record("Translate to German.", "Good night", "Gute Nacht"),
            record("Write the word for 'tea' in Japanese.", "", "お茶"));

    @Test
    void writesJsonlOneCompactObjectPerLineInUtf8() throws IOException {
        Path out = dir.resolve("out.jsonl");

        DatasetWriter.write(out, DatasetFormat.ALPACA_JSONL, records);

        assertThat(Files.readAllLines(out, StandardCharsets.UTF_8)).containsExactly(
                "{\"instruction\":\"Translate to German.\",\"input\":\"Good night\",\"output\":\"Gute Nacht\"}",
                "{\"instruction\":\"Write the word for 'tea' in Japanese.\",\"input\":\"\",\"output\":\"お茶\"}");
    }

    @Test
    void writesAPrettyPrintedJsonArrayForAlpacaJson() throws IOException {
        Path out = dir.resolve("out.json");

        DatasetWriter.write(out, DatasetFormat.ALPACA_JSON, records.subList(0, 1));

        assertThat(Files.readString(out)).isEqualTo("""
                [
                  {
                    "instruction": "Translate to German.",
                    "input": "Good night",
                    "output": "Gute Nacht"
                  }
                ]
                """);
    }

    @Test
    void roundTripsThroughTheReaderInBothAlpacaForms() {
        for (DatasetFormat format : List.of(DatasetFormat.ALPACA_JSON, DatasetFormat.ALPACA_JSONL)) {
            Path out = dir.resolve("round." + format.name());

            DatasetWriter.write(out, format, records);
            Dataset back = DatasetReader.read(out);

            assertThat(back.format()).isEqualTo(format);
            assertThat(back.records()).extracting(DatasetRecord::raw).containsExactlyElementsOf(records);
        }
    }

    @Test
    void replacesAnExistingFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path out = dir.resolve("out.jsonl");
        Files.writeString(out, "old content that is longer than the new one, much longer, really\n");

        DatasetWriter.write(out, DatasetFormat.ALPACA_JSONL, records.subList(0, 1));

        assertThat(Files.readAllLines(out)).hasSize(1);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }

    @Test
    void writesADatasetBackInItsOwnFormatKeepingUnmodelledFields() throws IOException {
        Path in = dir.resolve("dolly.jsonl");
        Files.writeString(in, "{\"instruction\":\"Say hi.\",\"context\":\"\",\"response\":\"Hi.\",\"category\":\"open_qa\"}\n");
        Path out = dir.resolve("copy.jsonl");

        DatasetWriter.write(out, DatasetReader.read(in));

        assertThat(Files.readString(out)).isEqualTo(Files.readString(in));
    }

    @Test
    void aFileThatCannotBeWrittenIsAStorageFailureNamingTheFileNotBadInput(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path out = notADirectory.resolve("out.jsonl");

        assertThatThrownBy(() -> DatasetWriter.write(out, DatasetFormat.ALPACA_JSONL, List.of()))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot write " + out);
    }
}
