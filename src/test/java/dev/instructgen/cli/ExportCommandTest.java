package dev.instructgen.cli;

import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.storage.RunDirectory;
import dev.instructgen.storage.TestRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ExportCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private Path runWith(int examples) {
        Path dir = tmp.resolve("run");
        try (RunDirectory run = RunDirectory.openOrCreate(dir, TestRuns.manifest(), TestRuns.CLOCK)) {
            for (int i = 0; i < examples; i++) {
                run.appendExample(TestRuns.example(i));
            }
        }
        return dir;
    }

    @Test
    void exportsOpenAiChatWithASplitAndReportsEachFile() throws IOException {
        Path dir = runWith(20);
        Path to = tmp.resolve("out/train.jsonl");

        int code = run("export", "--run", dir.toString(), "--format", "openai-chat", "--to", to.toString(),
                "--system-prompt", "You are helpful.", "--split-validation", "0.1", "--split-seed", "3");

        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readAllLines(to)).hasSize(18).allSatisfy(line -> assertThat(
                JsonCodec.mapper().readTree(line).get("messages").get(0).get("content").asText())
                .isEqualTo("You are helpful."));
        assertThat(Files.readAllLines(tmp.resolve("out/train.validation.jsonl"))).hasSize(2);
        assertThat(out.toString())
                .contains("wrote 18 openai-chat records to " + to + " (commercial use: yes; licenses in "
                        + "train.jsonl.license.md)")
                .contains("wrote 2 openai-chat records to " + tmp.resolve("out/train.validation.jsonl"));
        assertThat(tmp.resolve("out/train.validation.jsonl.license.md")).exists();
    }

    @Test
    void rejectsAnUnknownFormatWithExitTwoListingTheKnownOnes() {
        Path dir = runWith(1);

        int code = run("export", "--run", dir.toString(), "--format", "chatml", "--to", tmp.resolve("x").toString());

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("unknown format 'chatml', expected one of alpaca, sharegpt, openai-chat");
    }

    @Test
    void rejectsASplitFractionOutsideZeroToOne() {
        Path dir = runWith(1);

        int code = run("export", "--run", dir.toString(), "--format", "alpaca", "--to", tmp.resolve("x.json").toString(),
                "--split-validation", "1.5");

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("--split-validation must be a fraction between 0 and 1");
        assertThat(tmp.resolve("x.json")).doesNotExist();
    }

    @Test
    void refusesARunDirectoryThatDoesNotExist() {
        int code = run("export", "--run", tmp.resolve("nope").toString(), "--format", "alpaca", "--to",
                tmp.resolve("x.json").toString());

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("nope is not a run directory: it does not exist");
    }

    @Test
    void exportsTheDatasetFileThatDedupWroteFromARun() throws IOException {
        Path dir = runWith(6);
        Path deduped = tmp.resolve("dedup.jsonl");
        assertThat(run("dedup", "--in", dir.toString(), "--out", deduped.toString())).as(err.toString()).isZero();
        Path to = tmp.resolve("chat.jsonl");

        int code = run("export", "--in", deduped.toString(), "--format", "sharegpt", "--to", to.toString());

        assertThat(code).as(err.toString()).isZero();
        long kept = Files.readAllLines(deduped).size();
        assertThat(Files.readAllLines(to)).hasSize((int) kept).allSatisfy(line -> assertThat(
                JsonCodec.mapper().readTree(line).has("conversations")).isTrue());
        assertThat(Files.readString(tmp.resolve("chat.jsonl.license.md"))).contains("dedup.jsonl");
    }

    @Test
    void exportsAnAlpacaFileWithItsRecordsOwnLicenses() throws IOException {
        Path alpaca = tmp.resolve("alpaca.json");
        Files.writeString(alpaca, """
                [{"instruction": "Name a colour.", "input": "", "output": "Blue"},
                 {"instruction": "Translate to French.", "input": "Good morning", "output": "Bonjour"}]
                """);
        Path to = tmp.resolve("train.jsonl");

        int code = run("export", "--run", alpaca.toString(), "--format", "openai-chat", "--to", to.toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readAllLines(to)).hasSize(2);
        assertThat(out.toString()).contains("wrote 2 openai-chat records").contains("commercial use: unknown");
    }

    @Test
    void warnsWhenJsonLinesGoToAFileNamedDotJson() {
        Path dir = runWith(2);
        Path to = tmp.resolve("train.json");

        int code = run("export", "--run", dir.toString(), "--format", "openai-chat", "--to", to.toString());

        assertThat(code).isZero();
        assertThat(err.toString()).contains("warning: --to " + to + ": openai-chat is written as JSON Lines")
                .contains("name it .jsonl");
    }
}
