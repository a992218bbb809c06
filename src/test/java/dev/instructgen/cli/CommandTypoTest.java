package dev.instructgen.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** A misspelled command is a usage error with a suggestion, even when --help follows it. */
class CommandTypoTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    private int run(String... args) {
        return InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void aMisspelledCommandWithHelpSuggestsTheCommandAndExitsTwo() {
        int code = run("selfinstruct", "--help");

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("selfinstruct").contains("self-instruct");
        assertThat(out.toString()).as("no top-level help").doesNotContain("Usage:");
    }

    @Test
    void aMisspelledCommandAloneSuggestsTheCommandAndExitsTwo() {
        int code = run("exprot", "--run", "x");

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("export");
    }

    @Test
    void helpAloneStillPrintsTheTopLevelHelpAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage:").contains("self-instruct");
    }
}
