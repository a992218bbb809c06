package dev.instructgen.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** --dry-run and the start-up warnings of the generating commands; no request is sent. */
class DryRunTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void aDryRunWarnsWhenItsEstimateExceedsTheCostBudget() {
        int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--model", "gpt-4o-mini",
                "--teacher-url", "https://api.openai.com/v1", "--target", "5000", "--max-cost", "0.01", "--out", dir.resolve("run").toString(), "--dry-run");

        assertThat(exit).isZero();
        assertThat(err.toString()).contains("exceeds --max-cost $0.01");
        assertThat(Files.exists(dir.resolve("run"))).isFalse();
    }

    @Test
    void aDryRunWithinTheBudgetGivesNoWarning() {
        int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--model", "gpt-4o-mini",
                "--target", "5", "--max-cost", "100", "--out", dir.resolve("run").toString(), "--dry-run");

        assertThat(exit).isZero();
        assertThat(err.toString()).doesNotContain("exceeds --max-cost");
    }

    @Test
    void aDryRunShowsTheLicenseTheExamplesWillCarry() {
        int exit = run("evol-instruct", "--input", "seeds/seed_tasks.jsonl", "--model", "llama3.1:8b",
                "--teacher-api", "ollama", "--out", dir.resolve("run").toString(), "--dry-run");

        assertThat(exit).isZero();
        assertThat(out.toString()).containsPattern("license +\\S+.* \\(commercial use: (yes|no|unknown)\\)");
    }

    @Test
    void aSeedSetWithoutAKnownLicenseIsWarnedAboutAtStart() throws IOException {
        Path seeds = dir.resolve("unlicensed.jsonl");
        Files.writeString(seeds, "{\"id\":\"s1\",\"name\":\"t\",\"instruction\":\"Name the capital of Peru.\","
                + "\"instances\":[{\"input\":\"\",\"output\":\"Lima.\"}],\"is_classification\":false}\n");

        int exit = run("self-instruct", "--seeds", seeds.toString(), "--model", "llama3.1:8b", "--teacher-api",
                "ollama", "--target", "5", "--out", dir.resolve("run").toString(), "--dry-run");

        assertThat(exit).isZero();
        assertThat(err.toString()).contains("warning: the license of 'unlicensed.jsonl' is unknown");
    }
}
