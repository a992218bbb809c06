package dev.instructgen.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** validate, dedup and stats on files that are not what they should be: one line each, exit 2, bounded memory. */
class ValidateBadInputThroughTheCliTest {

    private static final String GOOD = "{\"instruction\": \"Say hi %d.\", \"input\": \"\", \"output\": \"Hi.\"}";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private Path bytes(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return file;
    }

    @Test
    void invalidUtf8IsReportedOnEachLineWhereItIs() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        try (OutputStream o = Files.newOutputStream(file)) {
            for (int line = 1; line <= 3005; line++) {
                String text = line == 4 || line == 3001
                        ? "{\"instruction\": \"Caf\u00e9 " + line + "\", \"input\": \"\", \"output\": \"x\"}"
                        : GOOD.formatted(line);
                o.write((text + "\n").getBytes(line == 4 || line == 3001
                        ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
            }
        }

        int code = run("validate", file.toString());

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(out.toString().lines()).containsExactly(
                file + ":4: not valid UTF-8 text (byte 0xE9 at byte 21); save the file as UTF-8",
                file + ":3001: not valid UTF-8 text (byte 0xE9 at byte 21); save the file as UTF-8",
                "2 problems (3005 records, format Alpaca (JSONL))");
    }

    @Test
    void utf16BinaryAndLatin1FilesAreNamedForWhatTheyAreNotCalledEmpty() throws IOException {
        String record = GOOD.formatted(1) + "\n";
        byte[] withBom = ("\uFEFF" + record).getBytes(StandardCharsets.UTF_16LE);
        byte[] withoutBom = record.getBytes(StandardCharsets.UTF_16LE);
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        byte[] latin1 = "{\"instruction\": \"d\u00e9j\u00e0\"}\n".getBytes(StandardCharsets.ISO_8859_1);

        for (Path file : List.of(bytes("bom.jsonl", withBom), bytes("le.jsonl", withoutBom),
                bytes("image.jsonl", binary), bytes("latin1.jsonl", latin1))) {
            assertThat(run("validate", file.toString())).isEqualTo(ExitCode.BAD_INPUT);
        }

        String printed = out.toString();
        assertThat(printed).doesNotContain("empty");
        assertThat(printed).contains("bom.jsonl: the file is UTF-16 text", "le.jsonl: the file looks like UTF-16",
                "image.jsonl: binary data (a NUL byte), not JSON text", "latin1.jsonl:1: not valid UTF-8 text");
    }

    @Test
    void jsonErrorsAreWordedWithoutJacksonInternals() throws IOException {
        Path file = dir.resolve("broken.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"instruction\": \"a\", \"output\": \"b\"",
                "{\"instruction\": \"a\"} {\"output\": \"b\"}",
                "{\"instruction\": \"a\", \"output\": \"b\", \"output\": \"c\"}",
                "{\"instruction\": \"a\tb\", \"output\": \"c\"}",
                "[1, 2") + "\n");

        assertThat(run("validate", file.toString())).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(out.toString()).contains(
                file + ":1: invalid JSON at column 35: the object is not closed; expected '}'",
                file + ":2: invalid JSON at column 22: more than one JSON value on this line",
                file + ":3: invalid JSON at column 45: the key 'output' appears twice in this record",
                file + ":4: invalid JSON at column 19: a control character (code 9) inside a string must be escaped");
        assertThat(out.toString()).doesNotContain("Source", "marker", "code 34", "`", "Trailing token", "JsonNode",
                "DeserializationFeature", "CTRL-CHAR");
    }

    @Test
    void aProblemRepeatedOnEveryLineIsShownThreeTimesThenSummarised() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 475; i++) {
            lines.add("{\"prompt\": \"p" + i + "\", \"completion\": \"c\"}");
        }
        Path file = dir.resolve("openai.jsonl");
        Files.write(file, lines);

        assertThat(run("validate", file.toString())).isEqualTo(ExitCode.BAD_INPUT);

        String message = "expected a JSON object with 'instruction' (Self-Instruct, Alpaca or Dolly format), "
                + "found an object with keys [prompt, completion]";
        assertThat(out.toString().lines()).containsExactly(
                file + ":1: " + message,
                file + ":2: " + message,
                file + ":3: " + message,
                file + ": 472 more lines (4 to 475) with the same problem: " + message,
                "475 problems (475 records, format unknown)");
    }

    @Test
    @Timeout(20)
    void aReaderPointedAtAnEndlessStreamOfZerosStopsAtOnce() {
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "needs /dev/zero");

        assertThat(run("validate", zero.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run("dedup", "--in", zero.toString(), "--out", dir.resolve("o.jsonl").toString()))
                .isEqualTo(ExitCode.BAD_INPUT);

        assertThat(out.toString()).contains("/dev/zero: binary data (a NUL byte), not JSON text");
        assertThat(err.toString()).contains("/dev/zero: binary data").doesNotContain("OutOfMemory", "\tat ");
    }

    @Test
    void aLineLongerThanTheBoundIsReportedWithItsNumber() throws IOException {
        Path file = dir.resolve("long.jsonl");
        try (OutputStream o = Files.newOutputStream(file)) {
            o.write((GOOD.formatted(1) + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] block = "a".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 130; i++) { // 8.1 MiB on line 2
                o.write(block);
            }
        }

        assertThat(run("validate", file.toString())).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(out.toString()).contains(file + ":2: line 2 is longer than 8 MiB; stopped reading");
    }

    @Test
    void aLoneSurrogateIsRefusedAlikeByValidateAndDedup() throws IOException {
        Path file = dir.resolve("surrogate.jsonl");
        Files.writeString(file, GOOD.formatted(1) + "\n"
                + "{\"instruction\": \"Say \\ud800 hi.\", \"input\": \"\", \"output\": \"Hi.\"}\n");
        String expected = file + ":2: 'instruction' holds a lone surrogate \\ud800 at character 5";

        assertThat(run("validate", file.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run("dedup", "--in", file.toString(), "--out", dir.resolve("o.jsonl").toString()))
                .isEqualTo(ExitCode.BAD_INPUT);

        assertThat(out.toString()).contains(expected);
        assertThat(err.toString()).contains(expected).doesNotContain("MalformedInput");
    }

    @Test
    void aManifestThatIsAnEmptyObjectIsOneLineNamingTheFile() throws IOException {
        Path run = dir.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("manifest.json"), "{}");
        Files.writeString(run.resolve("examples.jsonl"), "");

        assertThat(run("stats", run.toString())).isEqualTo(ExitCode.BAD_INPUT);

        assertThat(err.toString().lines().filter(l -> !l.isBlank()).toList()).hasSize(1);
        assertThat(err.toString()).contains(run.resolve("manifest.json") + ": not a valid run manifest: "
                + "missing or invalid '").doesNotContain("dev.instructgen", "Cannot construct");
    }

    @Test
    @Timeout(10)
    void aMultiMegabyteLicenseValueIsRejectedAtOnce() throws IOException {
        Path file = dir.resolve("seeds.jsonl");
        Files.writeString(file, "{\"instruction\": \"Say hi.\", \"input\": \"\", \"output\": \"Hi.\", \"license\": \""
                + "MIT".repeat(1_000_000) + "\"}\n");

        long start = System.nanoTime();
        int code = run("validate", file.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(out.toString()).contains(file + ":1: 'license' is 3000000 characters long");
        assertThat(millis).isLessThan(3_000);
    }
}
