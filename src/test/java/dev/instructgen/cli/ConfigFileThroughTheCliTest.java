package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Config files through the real command line: interpolation, value checks and the shipped example. */
class ConfigFileThroughTheCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private Path config(String yaml) throws IOException {
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private int dryRun(Path config) {
        return run("self-instruct", "--config", config.toString(), "--seeds", "seeds/seed_tasks.jsonl",
                "--target", "10", "--out", dir.resolve("run").toString(), "--dry-run");
    }

    @Test
    void anEscapedReferenceStaysLiteralInEveryRunFileAndOnTheConsole() throws Exception {
        Path file = config("model: sim$${T8_SECRET}teacher\n");
        Path runDir = dir.resolve("run");
        int exit;
        try (FakeTeacherServer teacher = FakeTeacherServer.start(
                new SyntheticSelfInstructTeacher(3, 6), Duration.ZERO, 4)) {
            exit = run("self-instruct", "--config", file.toString(), "--seeds", "seeds/seed_tasks.jsonl",
                    "--teacher-url", teacher.openAiUrl(), "--concurrency", "2", "--target", "3",
                    "--out", runDir.toString());
        }

        assertThat(exit).as(err.toString()).isZero();
        JsonNode manifest = JsonCodec.mapper().readTree(runDir.resolve("manifest.json").toFile());
        assertThat(manifest.toString()).contains("sim${T8_SECRET}teacher");
        String examples = Files.readString(runDir.resolve("examples.jsonl"));
        assertThat(examples).contains("sim${T8_SECRET}teacher");
    }

    @Test
    void aReferenceToAVariableNamedLikeASecretIsRefusedNamingTheKeyAndLine() throws IOException {
        Path file = config("target: 10\nmodel: ${OPENAI_API_KEY:-none}\n");

        int exit = dryRun(file);

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(file + ":2: 'model' refers to ${OPENAI_API_KEY}, a variable named like "
                + "a secret");
        assertThat(dir.resolve("run")).doesNotExist();
    }

    @Test
    void aWrongValueNamesTheFileAndTheLine() throws IOException {
        Path file = config("model: m\n\ntarget: ten\n");

        int exit = run("self-instruct", "--config", file.toString(), "--seeds", "seeds/seed_tasks.jsonl",
                "--out", dir.resolve("run").toString(), "--dry-run");

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(file + ":3: 'target' expects a whole number, found 'ten'");
    }

    @Test
    void aListWhereTheOptionTakesOneValueIsRefused() throws IOException {
        Path concurrency = config("model: m\nconcurrency: [4]\n");
        assertThat(dryRun(concurrency)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(concurrency + ":2: 'concurrency' expects a single value, found a list");

        Path model = config("model: [a, b]\n");
        assertThat(dryRun(model)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(model + ":1: 'model' expects a single value, found a list");
        assertThat(out.toString()).doesNotContain("a,b");
    }

    @Test
    void aKeyGivenTwiceIsRefusedNamingBothLines() throws IOException {
        Path file = config("model: first\nconcurrency: 4\nmodel: second\n");

        assertThat(dryRun(file)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(file + ":3: 'model' is set twice in the same mapping");
    }

    @Test
    void aKeyGivenTwiceInsideASectionIsRefused() throws IOException {
        Path file = config("model: m\nfilters:\n  min-words: 3\n  min-words: 4\n");

        assertThat(dryRun(file)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(file + ":4: 'min-words' is set twice in the same mapping");
    }

    @Test
    void anUnterminatedReferenceIsReportedAtItsLine() throws IOException {
        Path file = config("target: 10\nmodel: ${VAR\n");

        assertThat(dryRun(file)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(file + ":2: 'model' has an unterminated '${'")
                .doesNotContain("--model is required");
    }

    @Test
    void invalidUtf8InTheConfigIsReportedWithItsLine() throws IOException {
        Path file = dir.resolve("run.yaml");
        byte[] bad = "model: m\ntarget: 10\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, bad);

        assertThat(dryRun(file)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(file + ":3: not valid UTF-8 text (byte 0xE9)")
                .doesNotContain("Input length");
    }

    @Test
    void aConfigPathThatIsNotAConfigFailsAtOnceWithoutExhaustingMemory() throws IOException {
        Path huge = dir.resolve("huge.yaml");
        try (var w = Files.newBufferedWriter(huge)) {
            String line = "# " + "x".repeat(1000) + "\n";
            for (int i = 0; i < 2000; i++) {
                w.write(line);
            }
        }

        assertThat(dryRun(huge)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(huge + ": the config file is larger than 1024 KiB");
    }

    @Test
    void theShippedExampleConfigWorksForBothGeneratingCommands() {
        Path example = Path.of("docs/instructgen.example.yaml");

        int selfInstruct = run("self-instruct", "--config", example.toString(),
                "--out", dir.resolve("si").toString(), "--dry-run");
        assertThat(selfInstruct).as(err.toString()).isZero();
        assertThat(out.toString()).contains("self-instruct to 50000 examples");

        int evol = run("evol-instruct", "--config", example.toString(),
                "--out", dir.resolve("evol").toString(), "--dry-run");
        assertThat(evol).as(err.toString()).isZero();
    }

    @Test
    void aCommandSectionWinsOverTheSharedKeysAndChecksItsOwnKeys() throws IOException {
        Path file = config("""
                model: shared-model
                evol-instruct:
                  rounds: 2
                self-instruct:
                  model: si-model
                  target: 7
                """);

        int exit = run("self-instruct", "--config", file.toString(), "--seeds", "seeds/seed_tasks.jsonl",
                "--out", dir.resolve("run").toString(), "--dry-run");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("self-instruct to 7 examples with si-model");

        Path wrong = config("model: m\nself-instruct:\n  rounds: 2\n");
        assertThat(dryRun(wrong)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains(wrong + ":3: unknown setting 'self-instruct.rounds'");
    }

    @Test
    void noStackTraceOrJavaNameReachesTheConsole() throws IOException {
        for (String yaml : Stream.of("target: ten\nmodel: m\n", "model: ${VAR\n", "model: {a: 1}\n").toList()) {
            dryRun(config(yaml));
        }
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
