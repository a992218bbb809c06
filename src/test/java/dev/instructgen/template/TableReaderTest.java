package dev.instructgen.template;

import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TableReaderTest {

    @TempDir
    Path tmp;

    @Test
    void readsCrlfCsvWithAByteOrderMarkQuotedLineBreaksAndEmptyFields() throws IOException {
        Path csv = tmp.resolve("d.csv");
        Files.writeString(csv, "\uFEFFa,b,c\r\n1,\"x\r\ny\",\r\n\r\n\"say \"\"hi\"\"\",,z\r\n");

        TableReader.Table table = TableReader.read(csv);

        assertThat(table.columns()).containsExactly("a", "b", "c");
        assertThat(table.rows()).extracting(TableReader.Row::values).containsExactly(
                Map.of("a", "1", "b", "x\r\ny", "c", ""), Map.of("a", "say \"hi\"", "b", "", "c", "z"));
        assertThat(table.rows()).extracting(TableReader.Row::line).containsExactly(2, 5);
    }

    @Test
    void readsJsonlWithNonStringValuesAsJsonText() throws IOException {
        Path jsonl = tmp.resolve("d.jsonl");
        Files.writeString(jsonl, "{\"text\": \"ok\", \"score\": 3, \"tags\": [\"a\"]}\n");

        TableReader.Table table = TableReader.read(jsonl);

        assertThat(table.rows().get(0).values()).containsEntry("score", "3").containsEntry("tags", "[\"a\"]");
        assertThat(table.columns()).isEqualTo(List.of("text", "score", "tags"));
    }

    @Test
    void anUnclosedQuoteIsReportedAtTheLineItOpensOn() throws IOException {
        Path csv = tmp.resolve("d.csv");
        Files.writeString(csv, "a,b\n1,2\n3,\"open\n4,5\n");

        assertThatThrownBy(() -> TableReader.read(csv)).isInstanceOf(BadInputException.class)
                .hasMessage("d.csv:3: a quoted field is not closed");
    }
}
