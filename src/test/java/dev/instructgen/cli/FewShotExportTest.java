package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.JsonLines;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** export --few-shot-share P --shots K over a template run of 200 QA rows (six templates, so six tasks). */
class FewShotExportTest {

    @TempDir
    Path tmp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private Path runDir;
    /** user turn (instruction + blank line + input) to [id, task_id] of the example it came from */
    private final Map<String, String[]> exampleOfUserTurn = new HashMap<>();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @BeforeEach
    void templateRun() throws IOException {
        StringBuilder csv = new StringBuilder("context,question,answer\n");
        for (int i = 0; i < 200; i++) {
            csv.append("Passage number ").append(i).append(" says the value is ").append(i * 7).append(".,")
                    .append("What value does passage ").append(i).append(" give?,").append(i * 7).append('\n');
        }
        Files.writeString(tmp.resolve("qa.csv"), csv);
        runDir = tmp.resolve("run");
        assertThat(run("template", "--in", tmp.resolve("qa.csv").toString(), "--task", "prompts/template/qa.yaml",
                "--out", runDir.toString())).as(err.toString()).isZero();
        for (String line : Files.readAllLines(runDir.resolve("examples.jsonl"))) {
            JsonNode e = JsonCodec.mapper().readTree(line);
            String user = e.get("input").asText().isBlank() ? e.get("instruction").asText()
                    : e.get("instruction").asText() + "\n\n" + e.get("input").asText();
            exampleOfUserTurn.put(user, new String[] {e.get("id").asText(), e.get("task_id").asText()});
        }
    }

    private int exportChat(Path to, String seed) {
        return run("export", "--run", runDir.toString(), "--format", "openai-chat", "--to", to.toString(),
                "--split-validation", "0.1", "--split-seed", seed, "--few-shot-share", "0.3", "--shots", "2",
                "--system-prompt", "Be brief.");
    }

    @Test
    void shareAndShotCountAreExactInEachFileAndDemonstrationsComeFromTheSameTaskInTrainOnly() throws IOException {
        Path to = tmp.resolve("out/train.jsonl");
        assertThat(exportChat(to, "5")).as(err.toString()).isZero();

        List<JsonNode> train = JsonLines.read(to);
        List<JsonNode> validation = JsonLines.read(tmp.resolve("out/train.validation.jsonl"));
        assertThat(train).hasSize(180);
        assertThat(validation).hasSize(20);
        Set<String> validationIds = new HashSet<>();
        for (JsonNode record : validation) {
            validationIds.add(exampleOfUserTurn.get(lastUserTurn(record))[0]);
        }
        for (List<JsonNode> file : List.of(train, validation)) {
            long fewShot = 0;
            for (JsonNode record : file) {
                JsonNode messages = record.get("messages");
                assertThat(messages.get(0).get("role").asText()).isEqualTo("system");
                if (messages.size() == 3) {
                    continue;
                }
                fewShot++;
                assertThat(messages.size()).as("system + 2 demonstrations x 2 turns + user + assistant").isEqualTo(7);
                String[] self = exampleOfUserTurn.get(lastUserTurn(record));
                for (int turn = 1; turn <= 3; turn += 2) {
                    assertThat(messages.get(turn).get("role").asText()).isEqualTo("user");
                    assertThat(messages.get(turn + 1).get("role").asText()).isEqualTo("assistant");
                    String[] demo = exampleOfUserTurn.get(messages.get(turn).get("content").asText());
                    assertThat(demo[1]).as("same task").isEqualTo(self[1]);
                    assertThat(demo[0]).isNotEqualTo(self[0]);
                    assertThat(validationIds).as("no demonstration from the validation file").doesNotContain(demo[0]);
                }
            }
            assertThat(fewShot).as("round(n x 0.3)").isEqualTo(Math.round(file.size() * 0.3));
        }
    }

    @Test
    void theSameSplitSeedGivesTheSameBytesAndAnotherSeedAnotherChoice() throws IOException {
        assertThat(exportChat(tmp.resolve("a.jsonl"), "5")).isZero();
        assertThat(exportChat(tmp.resolve("b.jsonl"), "5")).isZero();
        assertThat(exportChat(tmp.resolve("c.jsonl"), "6")).isZero();

        assertThat(tmp.resolve("a.jsonl")).hasSameBinaryContentAs(tmp.resolve("b.jsonl"));
        assertThat(Files.readString(tmp.resolve("c.jsonl"))).isNotEqualTo(Files.readString(tmp.resolve("a.jsonl")));
    }

    @Test
    void alpacaCarriesTheDemonstrationsInsideTheInstruction() throws IOException {
        Path to = tmp.resolve("alpaca.jsonl");
        assertThat(run("export", "--run", runDir.toString(), "--format", "alpaca", "--to", to.toString(),
                "--few-shot-share", "0.5", "--shots", "3")).as(err.toString()).isZero();

        List<JsonNode> records = JsonLines.read(to);
        List<JsonNode> fewShot = records.stream().filter(r -> r.get("instruction").asText().contains("\n\nExample 1:"))
                .toList();
        assertThat(fewShot).hasSize(100).allSatisfy(r -> assertThat(r.get("instruction").asText())
                .contains("\n\nExample 3:\n").contains("\nOutput: ").doesNotContain("Example 4:"));
        JsonNode one = fewShot.get(0);
        assertThat(one.get("input").asText()).as("the record's own input stays in place").isNotBlank();
        assertThat(exampleOfUserTurn).containsKey(one.get("instruction").asText().split("\n\nExample 1:")[0]
                + "\n\n" + one.get("input").asText());
    }

    @Test
    void tooFewRecordsPerTaskIsRefusedWithWhatWouldFit() {
        int code = run("export", "--run", runDir.toString(), "--format", "sharegpt", "--to",
                tmp.resolve("x.jsonl").toString(), "--few-shot-share", "0.5", "--shots", "40");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--few-shot-share 0.5 needs 100 records whose task has 40 other train"
                + " records to show, but only 0 of 200 have (lower --shots or --few-shot-share)");
    }

    private static String lastUserTurn(JsonNode record) {
        JsonNode messages = record.get("messages");
        return messages.get(messages.size() - 2).get("content").asText();
    }
}
