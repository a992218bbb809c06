package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.JsonLines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateCommandTest {

    private static final Path TASKS = Path.of("prompts", "template");

    @TempDir
    Path tmp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    /** A SQuAD-shaped CSV: quoted fields with commas, doubled quotes and line breaks. */
    private Path qaCsv(int rows) throws IOException {
        StringBuilder csv = new StringBuilder("id,context,question,answer\n");
        for (int i = 0; i < rows; i++) {
            csv.append(i).append(",\"The tower, built in ").append(1800 + i % 200)
                    .append(", is \"\"tall\"\".\nIt stands in town ").append(i).append(".\",")
                    .append("When was tower ").append(i).append(" built?,").append(1800 + i % 200).append('\n');
        }
        Path file = tmp.resolve("squad.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void tenThousandCsvRowsRenderInSecondsWithEveryTemplateUsedAndTheLicenseCarried() throws IOException {
        Path csv = qaCsv(10_000);

        long start = System.nanoTime();
        int code = run("template", "--in", csv.toString(), "--task", TASKS.resolve("qa.yaml").toString(),
                "--license", "CC-BY-SA-4.0", "--out", tmp.resolve("run").toString());
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(code).as(err.toString()).isZero();
        assertThat(seconds).as("10k rows, end to end through the command").isLessThan(5.0);
        System.out.printf("template: 10,000 CSV rows in %.3f s%n", seconds);
        List<JsonNode> records = JsonLines.read(tmp.resolve("run/examples.jsonl"));
        assertThat(records).hasSize(10_000);
        Map<String, Integer> byTemplate = new TreeMap<>();
        for (JsonNode r : records) {
            byTemplate.merge(r.at("/provenance/template/id").asText(), 1, Integer::sum);
            assertThat(r.get("method").asText()).isEqualTo("template");
            assertThat(r.at("/license/license").asText()).isEqualTo("CC-BY-SA-4.0");
            assertThat(r.at("/license/restrictions").toString()).contains("share-alike");
        }
        // six templates drawn in balanced blocks: 10000 = 6 x 1666 + 4
        assertThat(byTemplate.keySet()).containsExactly("qa-1", "qa-2", "qa-3", "qa-4", "qg-1", "qg-2");
        assertThat(byTemplate.values()).allSatisfy(n -> assertThat(n).isBetween(1666, 1667));
        JsonNode inverted = records.stream().filter(r -> r.at("/provenance/template/id").asText().equals("qg-1"))
                .findFirst().orElseThrow();
        assertThat(inverted.get("output").asText()).startsWith("When was tower ");
        assertThat(inverted.get("input").asText()).contains("is \"tall\".\nIt stands").contains("Answer: ");
        assertThat(inverted.get("task_id").asText()).isEqualTo("qa/qg-1");
        assertThat(Files.readString(tmp.resolve("run/DATASET_CARD.md"))).contains("license: cc-by-sa-4.0")
                .contains("| qg-1 | Write a question whose answer is given, based on the passage. |");
        assertThat(out.toString()).contains("license: CC-BY-SA-4.0 (commercial use: yes)");
    }

    @Test
    void aRerunWritesTheSameBytesAndAnotherSeedDrawsOtherTemplates() throws IOException {
        Path csv = qaCsv(50);
        String task = TASKS.resolve("qa.yaml").toString();
        assertThat(run("template", "--in", csv.toString(), "--task", task, "--out", tmp.resolve("a").toString()))
                .isZero();
        assertThat(run("template", "--in", csv.toString(), "--task", task, "--out", tmp.resolve("a").toString()))
                .isZero();
        assertThat(run("template", "--in", csv.toString(), "--task", task, "--out", tmp.resolve("b").toString()))
                .isZero();
        assertThat(run("template", "--in", csv.toString(), "--task", task, "--seed", "9", "--out",
                tmp.resolve("c").toString())).isZero();

        for (String file : List.of("examples.jsonl", "manifest.json", "DATASET_CARD.md")) {
            assertThat(tmp.resolve("a").resolve(file)).hasSameBinaryContentAs(tmp.resolve("b").resolve(file));
        }
        assertThat(Files.readString(tmp.resolve("c/examples.jsonl")))
                .isNotEqualTo(Files.readString(tmp.resolve("a/examples.jsonl")));
        assertThat(JsonLines.read(tmp.resolve("a/examples.jsonl")).get(0).at("/license/license").asText())
                .as("no license given anywhere").isEqualTo("NOASSERTION");
    }

    @Test
    void classificationRowsCarryTheLabelSetAndTheSidecarLicense() throws IOException {
        Path jsonl = tmp.resolve("reviews.jsonl");
        Files.writeString(jsonl, "{\"text\": \"Great film.\", \"label\": \"positive\"}\n"
                + "{\"text\": \"Dull and long.\", \"label\": \"negative\"}\n".repeat(9));
        Files.writeString(tmp.resolve("reviews.jsonl.license"), "CC-BY-NC-4.0\n");

        int code = run("template", "--in", jsonl.toString(), "--task", TASKS.resolve("classification.yaml")
                .toString(), "--out", tmp.resolve("run").toString());

        assertThat(code).as(err.toString()).isZero();
        List<JsonNode> records = JsonLines.read(tmp.resolve("run/examples.jsonl"));
        assertThat(records).hasSize(10).allSatisfy(r -> {
            assertThat(r.get("is_classification").asBoolean()).isTrue();
            assertThat(r.at("/license/commercial_use").asBoolean()).isFalse();
        });
        assertThat(records).anySatisfy(r -> assertThat(r.get("instruction").asText())
                .endsWith("OPTIONS:\n- positive\n- negative"));
    }

    @Test
    void aLabelOutsideTheSetIsRefusedWithFileAndLine() throws IOException {
        Path jsonl = tmp.resolve("reviews.jsonl");
        Files.writeString(jsonl, "{\"text\": \"Fine.\", \"label\": \"positive\"}\n\n"
                + "{\"text\": \"Meh.\", \"label\": \"neutral\"}\n");

        int code = run("template", "--in", jsonl.toString(), "--task", TASKS.resolve("classification.yaml")
                .toString(), "--out", tmp.resolve("run").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("reviews.jsonl:3: label 'neutral' is not in the task's labels "
                + "[positive, negative]").doesNotContain("Exception");
    }

    @Test
    void aTemplateNamingAnUnknownFieldIsRefusedNamingTheTemplate() throws IOException {
        Path task = tmp.resolve("bad.yaml");
        Files.writeString(task, "fields: {question: q, answer: a}\ntemplates:\n"
                + "  - {id: ok, instruction: \"Answer.\", input: \"{question}\", output: \"{answer}\"}\n"
                + "  - {id: typo, instruction: \"Answer.\", input: \"{questoin}\", output: \"{answer}\"}\n");
        Path csv = tmp.resolve("d.csv");
        Files.writeString(csv, "q,a\nwhy,because\n");

        int code = run("template", "--in", csv.toString(), "--task", task.toString(), "--out",
                tmp.resolve("run").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bad.yaml: templates[1] (typo): unknown placeholder {questoin}; the "
                + "task's fields are [question, answer]");
    }

    @Test
    void aCsvRowWithTheWrongNumberOfColumnsIsRefusedWithItsLine() throws IOException {
        Path csv = tmp.resolve("d.csv");
        Files.writeString(csv, "context,question,answer\n\"a\nb\",q,a\nonly,two\n");

        int code = run("template", "--in", csv.toString(), "--task", TASKS.resolve("qa.yaml").toString(), "--out",
                tmp.resolve("run").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("d.csv:4: expected 3 columns as in the header [context, question, "
                + "answer], found 2");
    }

    @Test
    void everyShippedTaskFileLoadsAndStatsReadsTheRun() throws IOException {
        Path csv = tmp.resolve("pairs.csv");
        Files.writeString(csv, "en,fr\nGood morning,Bonjour\nThank you,Merci\n\"Yes, please\",\"Oui, s'il vous plaît\"\n");
        assertThat(run("template", "--in", csv.toString(), "--task", TASKS.resolve("translation.yaml").toString(),
                "--license", "CC-BY-4.0", "--out", tmp.resolve("tr").toString())).as(err.toString()).isZero();
        Path docs = tmp.resolve("docs.csv");
        Files.writeString(docs, "document,summary\nA long text about rivers.,Rivers.\n");
        assertThat(run("template", "--in", docs.toString(), "--task", TASKS.resolve("summarization.yaml").toString(),
                "--out", tmp.resolve("sum").toString())).as(err.toString()).isZero();

        assertThat(run("stats", tmp.resolve("tr").toString(), "--json")).as(err.toString()).isZero();
        JsonNode stats = JsonCodec.mapper().readTree(out.toString());
        assertThat(stats.at("/accepted_by_method/template").asLong()).isEqualTo(3);
        assertThat(stats.at("/license/by_license/CC-BY-4.0").asLong()).isEqualTo(3);
    }
}
