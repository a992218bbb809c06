package dev.instructgen.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private Path file(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }

    @Test
    void exitsZeroAndSummarisesACleanFile() throws IOException {
        Path dolly = file("dolly.jsonl",
                "{\"instruction\": \"Say hi.\", \"context\": \"\", \"response\": \"Hi.\", \"category\": \"open_qa\"}",
                "{\"instruction\": \"Say yo.\", \"context\": \"\", \"response\": \"Yo.\", \"category\": \"open_qa\"}");

        int code = run("validate", dolly.toString());

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("2 records, format Dolly (JSONL), no problems" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void printsEveryProblemAsFileLineMessageAndExitsTwo() throws IOException {
        Path alpaca = file("alpaca.jsonl",
                "{\"instruction\": \"Say hi.\", \"input\": \"\", \"output\": \"Hi.\"}",
                "{\"instruction\": \"\", \"input\": \"\", \"output\": \"Yo.\"}",
                "not json",
                "{\"instruction\": \"Say bye.\", \"input\": \"\"}");

        int code = run("validate", alpaca.toString());

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(out.toString().lines()).containsExactly(
                alpaca + ":2: 'instruction' is blank",
                alpaca + ":3: invalid JSON at column 1: unrecognized word 'not'; expected a JSON value (a \"string\", "
                        + "number, object, array, true, false or null)",
                alpaca + ":4: missing 'output'",
                "3 problems (4 records, format Alpaca (JSONL))");
    }

    @Test
    void reportsAMissingFileOnStandardErrorWithExitTwo() {
        int code = run("validate", dir.resolve("absent.jsonl").toString());

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("absent.jsonl: no such file");
    }

    @Test
    void helpShowsAnExample() {
        int code = run("validate", "--help");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Usage: instructgen validate")
                .contains("Example:")
                .contains("instructgen validate seeds/seed_tasks.jsonl");
    }

    @Test
    void validatesTheExamplesOfARunDirectory() throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"));
        Files.writeString(run.resolve("examples.jsonl"),
                "{\"id\": \"e1\", \"instruction\": \"Name a prime.\", \"input\": \"\", \"output\": \"7\", "
                        + "\"method\": \"seed\", \"task_id\": \"t1\"}\n"
                        + "{\"id\": \"e1\", \"instruction\": \"Name an odd number.\", \"input\": \"\", "
                        + "\"output\": \"9\", \"method\": \"seed\", \"task_id\": \"t2\"}\n");

        int code = run("validate", run.toString());

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(out.toString().lines()).containsExactly(
                run.resolve("examples.jsonl") + ":2: duplicate id 'e1' (first used at line 1)",
                "1 problem (2 records, format instructgen examples (JSONL))");
    }
}
