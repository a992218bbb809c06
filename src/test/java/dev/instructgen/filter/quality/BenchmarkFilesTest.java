package dev.instructgen.filter.quality;

import dev.instructgen.error.BadInputException;
import dev.instructgen.text.overlap.BenchmarkIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkFilesTest {

    @TempDir
    Path dir;

    static final String GSM = "Natalia sold clips to 48 of her friends in April, and then she sold half as many "
            + "clips in May. How many clips did Natalia sell altogether in April and May?";

    @Test
    void a_jsonl_file_takes_the_first_usual_text_field_and_names_file_and_line() throws IOException {
        Path file = dir.resolve("gsm8k.jsonl");
        Files.writeString(file, "{\"id\": 1, \"question\": \"What is two plus two, asked in a long way here?\"}\n\n"
                + "{\"question\": \"" + GSM + "\", \"answer\": \"72\"}\n");

        BenchmarkIndex index = BenchmarkFiles.load(List.of(file), null, 13, 0.8);

        assertThat(index.size()).isEqualTo(2);
        assertThat(index.check("Please solve: " + GSM).orElseThrow().item().where()).isEqualTo("gsm8k.jsonl:3");
    }

    @Test
    void a_plain_text_file_is_one_item_per_line() throws IOException {
        Path file = dir.resolve("items.txt");
        Files.writeString(file, "first item of the benchmark file here\n" + GSM + "\n");

        BenchmarkIndex index = BenchmarkFiles.load(List.of(file), null, 13, 0.8);

        assertThat(index.check(GSM).orElseThrow().item().where()).isEqualTo("items.txt:2");
    }

    @Test
    void a_named_field_is_used_instead_of_the_usual_ones() throws IOException {
        Path file = dir.resolve("custom.jsonl");
        Files.writeString(file, "{\"question\": \"ignored\", \"body\": \"" + GSM + "\"}\n");

        BenchmarkIndex index = BenchmarkFiles.load(List.of(file), "body", 13, 0.8);

        assertThat(index.check(GSM)).isPresent();
    }

    @Test
    void a_broken_json_line_is_a_user_error_naming_file_and_line() throws IOException {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"question\": \"fine\"}\n{\"question\": oops}\n");

        assertThatThrownBy(() -> BenchmarkFiles.load(List.of(file), null, 13, 0.8))
                .isInstanceOf(BadInputException.class).hasMessageContaining("bad.jsonl line 2");
    }

    @Test
    void a_line_without_a_text_field_is_a_user_error_that_says_which_fields_were_looked_for() throws IOException {
        Path file = dir.resolve("nofield.jsonl");
        Files.writeString(file, "{\"q\": \"what\"}\n");

        assertThatThrownBy(() -> BenchmarkFiles.load(List.of(file), null, 13, 0.8))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("nofield.jsonl line 1")
                .hasMessageContaining("question, prompt, instruction, text, input");
    }

    @Test
    void a_missing_or_empty_file_is_a_user_error() throws IOException {
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "\n\n");

        assertThatThrownBy(() -> BenchmarkFiles.load(List.of(dir.resolve("none.jsonl")), null, 13, 0.8))
                .isInstanceOf(BadInputException.class).hasMessageContaining("none.jsonl");
        assertThatThrownBy(() -> BenchmarkFiles.load(List.of(empty), null, 13, 0.8))
                .isInstanceOf(BadInputException.class).hasMessageContaining("no benchmark items");
    }
}
