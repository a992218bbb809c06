package dev.instructgen.dataset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetValidatorTest {

    @TempDir
    Path dir;

    private final DatasetValidator validator = new DatasetValidator();

    private Path file(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void reportsNoProblemForACleanFileAndSaysWhatItFound() throws IOException {
        Path seeds = file("seeds.jsonl",
                "{\"id\": \"a\", \"instruction\": \"Say hi.\", \"instances\": [{\"input\": \"\", \"output\": \"Hi.\"}]}",
                "{\"id\": \"b\", \"instruction\": \"Say yo.\", \"instances\": [{\"input\": \"\", \"output\": \"Yo.\"}]}");

        DatasetValidator.Report report = validator.check(seeds);

        assertThat(report.problems()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(report.records()).isEqualTo(2);
        assertThat(report.format()).isEqualTo(DatasetFormat.SELF_INSTRUCT_SEEDS);
    }

    @Test
    void listsEveryProblemWithItsLineNotOnlyTheFirst() throws IOException {
        Path seeds = file("seeds.jsonl",
                "{\"id\": \"a\", \"instruction\": \"Say hi.\", \"instances\": [{\"input\": \"\", \"output\": \"Hi.\"}]}",
                "{\"id\": \"b\", \"instruction\": \"Say yo.\" \"instances\": []}",
                "{\"id\": \"c\", \"instruction\": \"  \", \"instances\": []}",
                "{\"id\": \"a\", \"instruction\": \"Say ho.\", \"instances\": [{\"input\": \"\", \"output\": \"Ho.\"}]}",
                "{\"id\": \"e\", \"instruction\": 3, \"instances\": [{\"input\": \"\"}], \"is_classification\": \"no\"}",
                "{\"instruction\": \"Say bye.\", \"input\": \"\", \"output\": \"Bye.\"}",
                "{\"id\": \"g\", \"instruction\": \"Say hi.\", \"instances\": [{\"input\": \"\", \"output\": \"Hey.\"}]}");

        List<String> problems = validator.validate(seeds).stream().map(DatasetProblem::toString).toList();

        assertThat(problems).containsExactly(
                seeds + ":2: invalid JSON at column 38: expected ',' between the fields of an object, found '\"'",
                seeds + ":3: 'instruction' is blank",
                seeds + ":3: 'instances' is empty; a seed task needs at least one {\"input\", \"output\"} instance",
                seeds + ":4: duplicate id 'a' (first used at line 1)",
                seeds + ":5: 'instruction' must be a string, found a number",
                seeds + ":5: instance 1: missing 'output'",
                seeds + ":5: 'is_classification' must be true or false, found a string",
                seeds + ":6: found an Alpaca record (instruction/input/output) in a file of Self-Instruct seed tasks "
                        + "(JSONL) (detected from line 1); every record must have the same format",
                seeds + ":7: duplicate instruction, same as line 1");
    }

    @Test
    void flagsRepeatedInstructionAndInputButNotTheSameInstructionWithAnotherInput() throws IOException {
        Path alpaca = file("alpaca.jsonl",
                "{\"instruction\": \"Translate to French.\", \"input\": \"Good morning\", \"output\": \"Bonjour\"}",
                "{\"instruction\": \"Translate to French.\", \"input\": \"Thank you\", \"output\": \"Merci\"}",
                "{\"instruction\": \"Translate to French.\", \"input\": \"Good morning\", \"output\": \"Bonjour !\"}");

        assertThat(validator.validate(alpaca)).extracting(DatasetProblem::toString)
                .containsExactly(alpaca + ":3: duplicate instruction and input, same as line 1");
    }

    @Test
    void reportsAnEmptyFileAsAWholeFileProblem() throws IOException {
        Path empty = file("empty.jsonl", "");

        DatasetValidator.Report report = validator.check(empty);

        assertThat(report.problems()).extracting(DatasetProblem::toString).containsExactly(
                empty + ": the file is empty; expected JSON records, one object per line (JSONL) or a JSON array");
        assertThat(report.format()).isNull();
        assertThat(report.records()).isZero();
    }

    @Test
    void carriesOnPastManyBrokenLinesOfALargeFile() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 5000; i++) {
            text.append(i % 1000 == 0 ? "{broken" : "{\"instruction\": \"Task number " + i + "\", \"output\": \"x\"}")
                    .append('\n');
        }
        Path big = dir.resolve("big.jsonl");
        Files.writeString(big, text);

        List<DatasetProblem> problems = validator.validate(big);

        assertThat(problems).extracting(DatasetProblem::line).containsExactly(1000, 2000, 3000, 4000, 5000);
    }

    @Test
    void problemPrintsLikeACompilerMessage() {
        assertThat(new DatasetProblem(Path.of("seeds.jsonl"), 12, "missing 'output'"))
                .hasToString("seeds.jsonl:12: missing 'output'");
        assertThat(new DatasetProblem(Path.of("seeds.jsonl"), 0, "the file is empty"))
                .hasToString("seeds.jsonl: the file is empty");
    }
}
