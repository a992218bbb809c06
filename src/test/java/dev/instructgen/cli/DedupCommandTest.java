package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DedupCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    @Test
    void keepsTheFirstOfNearDuplicatesInAnAlpacaArrayAndWritesTheSameFormatWithEveryField() throws IOException {
        Path in = dir.resolve("alpaca.json");
        Files.writeString(in, """
                [
                  {"instruction": "Give three tips for staying healthy.", "input": "", "output": "Eat.", "source": "a"},
                  {"instruction": "What are the three primary colors?", "input": "", "output": "Red.", "source": "b"},
                  {"instruction": "Give three tips for staying healthy!", "input": "", "output": "Sleep.", "source": "c"}
                ]
                """);
        Path outFile = dir.resolve("kept.json");

        int code = run("dedup", "--in", in.toString(), "--out", outFile.toString());

        assertThat(code).isEqualTo(ExitCode.OK);
        JsonNode kept = JsonCodec.mapper().readTree(outFile.toFile());
        assertThat(kept.isArray()).isTrue();
        assertThat(kept).extracting(node -> node.get("source").asText()).containsExactly("a", "b");
        assertThat(out.toString()).startsWith("kept 2 of 3 records, dropped 1 near-duplicates (ROUGE-L F1 > 0.7, "
                + "tokenizer unicode)");

        List<JsonNode> report = readLines(dir.resolve("kept.json.dedup-report.jsonl"));
        assertThat(report).hasSize(1);
        JsonNode drop = report.get(0);
        assertThat(drop.get("index").asInt()).isEqualTo(2);
        assertThat(drop.get("instruction").asText()).isEqualTo("Give three tips for staying healthy!");
        assertThat(drop.get("kept_index").asInt()).isZero();
        assertThat(drop.get("kept_instruction").asText()).isEqualTo("Give three tips for staying healthy.");
        assertThat(drop.get("rouge_l_f1").asDouble()).isEqualTo(1.0);
    }

    @Test
    void honoursTheThresholdAndTokenizerOptionsOnJsonLines() throws IOException {
        Path in = dir.resolve("dolly.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"instruction\": \"写一首关于秋天的诗\", \"context\": \"\", \"response\": \"秋\", \"category\": \"creative_writing\"}",
                "{\"instruction\": \"写一首关于秋天的诗。\", \"context\": \"\", \"response\": \"叶\", \"category\": \"creative_writing\"}",
                "{\"instruction\": \"name two colors\", \"context\": \"\", \"response\": \"red\", \"category\": \"open_qa\"}",
                "{\"instruction\": \"name three colors\", \"context\": \"\", \"response\": \"red\", \"category\": \"open_qa\"}")
                + "\n");

        assertThat(run("dedup", "--in", in.toString(), "--out", dir.resolve("u.jsonl").toString(),
                "--threshold", "0.6")).isEqualTo(ExitCode.OK);
        assertThat(readLines(dir.resolve("u.jsonl"))).extracting(node -> node.get("response").asText())
                .containsExactly("秋", "red");

        // rouge-score sees no tokens in Chinese: both poems score 0 and stay; 2/3 vs 2/3 tokens is 0.667 > 0.6
        assertThat(run("dedup", "--in", in.toString(), "--out", dir.resolve("r.jsonl").toString(),
                "--threshold", "0.6", "--tokenizer", "rouge-score")).isEqualTo(ExitCode.OK);
        assertThat(readLines(dir.resolve("r.jsonl"))).extracting(node -> node.get("response").asText())
                .containsExactly("秋", "叶", "red");
        assertThat(readLines(dir.resolve("r.jsonl.dedup-report.jsonl"))).hasSize(1);
    }

    @Test
    void rejectsAThresholdOutsideZeroToOneWithExitTwo() throws IOException {
        Path in = dir.resolve("a.jsonl");
        Files.writeString(in, "{\"instruction\": \"Say hi.\", \"input\": \"\", \"output\": \"Hi.\"}\n");

        int code = run("dedup", "--in", in.toString(), "--out", dir.resolve("o.jsonl").toString(), "--threshold", "7");

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("--threshold must be between 0 and 1");
    }

    @Test
    void rejectsAnUnknownTokenizerWithExitTwo() throws IOException {
        Path in = dir.resolve("a.jsonl");
        Files.writeString(in, "{\"instruction\": \"Say hi.\", \"input\": \"\", \"output\": \"Hi.\"}\n");

        int code = run("dedup", "--in", in.toString(), "--out", dir.resolve("o.jsonl").toString(),
                "--tokenizer", "whitespace");

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("unknown tokenizer 'whitespace'");
    }

    @Test
    void reportsAMissingInputWithExitTwo() {
        int code = run("dedup", "--in", dir.resolve("absent.jsonl").toString(), "--out",
                dir.resolve("o.jsonl").toString());

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("absent.jsonl");
        assertThat(dir.resolve("o.jsonl")).doesNotExist();
    }

    private static List<JsonNode> readLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(JsonCodec.mapper().readTree(line));
        }
        return nodes;
    }
}
