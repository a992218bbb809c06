package dev.instructgen.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** --batch's bad input is refused before anything is sent or written, and the dry run prices both ways. */
class BatchOptionsThroughTheCliTest {

    @TempDir
    Path dir;

    @Test
    void batchWithTheOllamaApiExitsTwoAndSaysWhy() {
        Result r = run("--teacher-api", "ollama", "--model", "llama3.1:8b", "--batch");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("--batch needs --teacher-api openai").doesNotContain("Exception");
        assertThat(Files.exists(dir.resolve("run"))).isFalse();
    }

    @Test
    void aBatchSizeOfZeroExitsTwoAndSaysWhy() {
        Result r = run("--model", "gpt-4o-mini", "--batch", "--batch-size", "0");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("--batch-size must be between 1 and 50000").doesNotContain("Exception");
    }

    @Test
    void batchSettingsWithoutBatchExitTwo() {
        Result r = run("--model", "gpt-4o-mini", "--batch-fallback");
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("need --batch");
    }

    @Test
    void theDryRunShowsTheSynchronousAndTheBatchCost() {
        Result r = run("--model", "gpt-4o-mini", "--teacher-url", "https://api.openai.com/v1", "--batch",
                "--dry-run");
        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains("estimated cost").containsPattern("estimated cost +\\$\\d+\\.\\d\\d\\R  cost with --batch +\\$")
                .contains("50% of the synchronous one");
    }

    private Result run(String... extra) {
        List<String> args = new ArrayList<>(List.of("self-instruct", "--seeds", "seeds/seed_tasks.jsonl",
                "--target", "100", "--out", dir.resolve("run").toString()));
        args.addAll(List.of(extra));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    private record Result(int exit, String out, String err) {
    }
}
