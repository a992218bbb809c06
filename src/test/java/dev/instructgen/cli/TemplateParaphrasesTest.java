package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.JsonLines;
import dev.instructgen.testing.FakeTeacherServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code template --paraphrase-templates N} through the real command against a loopback teacher that rewords each
 * instruction it is shown: twice with a prefix, once losing the placeholder (refused), once repeating it (refused).
 */
class TemplateParaphrasesTest {

    private static final Pattern SHOWN = Pattern.compile("Instruction:\\n(.*)\\n");

    @TempDir
    Path tmp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private static String reword(String prompt) {
        Matcher m = SHOWN.matcher(prompt);
        String instruction = m.find() ? m.group(1) : "?";
        return "1. Please: " + instruction + "\n2. " + instruction.replace("{context}", "the text") + "\n"
                + "3. " + instruction + "\n4. Kindly, " + instruction + "\n";
    }

    private Path task() throws IOException {
        Path file = tmp.resolve("qa.yaml");
        Files.writeString(file, """
                name: qa
                fields: {context: context, question: question, answer: answer}
                templates:
                  - {id: qa-1, instruction: "Answer the question using the passage.", input: "{context}\\n\\nQuestion: {question}", output: "{answer}"}
                  - {id: qg-1, instruction: "Write a question about {context} whose answer is given.", input: "Answer: {answer}", output: "{question}"}
                  - {id: qa-3, instruction: "{question}", input: "{context}", output: "{answer}"}
                """);
        return file;
    }

    private Path csv(int rows) throws IOException {
        StringBuilder text = new StringBuilder("context,question,answer\n");
        for (int i = 0; i < rows; i++) {
            text.append("Passage ").append(i).append(",What is ").append(i).append("?,").append(i).append('\n');
        }
        Path file = tmp.resolve("rows.csv");
        Files.writeString(file, text);
        Files.writeString(tmp.resolve("rows.csv.license"), "CC-BY-4.0\n");
        return file;
    }

    private int template(FakeTeacherServer teacher, Path task, Path csv, Path to) {
        return run("template", "--in", csv.toString(), "--task", task.toString(), "--paraphrase-templates", "2",
                "--teacher-url", teacher.openAiUrl(), "--model", "m", "--out", to.toString());
    }

    @Test
    void theTeacherRewordsEachTemplateOnceAndTheRowsAreSpreadOverTheWordings() throws IOException {
        Path task = task();
        Path csv = csv(36);
        try (FakeTeacherServer teacher = FakeTeacherServer.start(TemplateParaphrasesTest::reword, Duration.ZERO, 2)
                .serving("m")) {
            assertThat(template(teacher, task, csv, tmp.resolve("run"))).as(err.toString()).isZero();

            assertThat(teacher.requestCount()).as("one request per template with words of its own").isEqualTo(2);
            List<JsonNode> records = JsonLines.read(tmp.resolve("run/examples.jsonl"));
            assertThat(records).hasSize(36);
            Map<String, Integer> byVariant = new TreeMap<>();
            for (JsonNode r : records) {
                String id = r.at("/provenance/template/id").asText();
                int variant = r.at("/provenance/template/variant").asInt(-1);
                byVariant.merge(id + "#" + variant, 1, Integer::sum);
                String instruction = r.get("instruction").asText();
                if (variant == 0) {
                    assertThat(r.at("/provenance/teacher").isMissingNode()).isTrue();
                    assertThat(r.at("/license/sources").toString()).doesNotContain("teacher");
                } else {
                    assertThat(instruction).startsWith(variant == 1 ? "Please: " : "Kindly, ");
                    assertThat(r.at("/provenance/teacher/model").asText()).isEqualTo("m");
                    assertThat(r.at("/provenance/prompts/template-paraphrase").asText())
                            .startsWith("template/paraphrase.txt@");
                    assertThat(r.at("/license/sources").toString()).contains("\"kind\":\"teacher\"")
                            .contains("CC-BY-4.0");
                }
                if (id.equals("qg-1")) {
                    assertThat(instruction).as("the placeholder is filled in every wording")
                            .contains("Passage ").doesNotContain("{context}");
                }
            }
            // 12 uses per template; two wordings more than the task file's: 4 each
            assertThat(byVariant).containsExactlyInAnyOrderEntriesOf(Map.of("qa-1#0", 4, "qa-1#1", 4, "qa-1#2", 4,
                    "qg-1#0", 4, "qg-1#1", 4, "qg-1#2", 4, "qa-3#0", 12));
            List<JsonNode> journal = JsonLines.read(tmp.resolve("run/paraphrases.jsonl"));
            assertThat(journal).hasSize(2);
            assertThat(journal.get(1).get("paraphrases").toString()).isEqualTo("[\"Please: Write a question about "
                    + "{context} whose answer is given.\",\"Kindly, Write a question about {context} whose answer is "
                    + "given.\"]");
            assertThat(err.toString()).doesNotContain("warning");
            assertThat(tmp.resolve(".run.paraphrases.jsonl")).doesNotExist();
            String card = Files.readString(tmp.resolve("run/DATASET_CARD.md"));
            assertThat(card).contains("## Wordings").contains("| qa-1 | 1 | Please: Answer the question using the "
                    + "passage. | 4 |");
            JsonNode stats = JsonCodec.mapper().readTree(tmp.resolve("run/stats.json").toFile());
            assertThat(stats.at("/template_variants/qa-1").toString()).isEqualTo("[4,4,4]");

            byte[] first = Files.readAllBytes(tmp.resolve("run/examples.jsonl"));
            assertThat(template(teacher, task, csv, tmp.resolve("run"))).as(err.toString()).isZero();
            assertThat(teacher.requestCount()).as("a rerun reads the journal and asks nothing").isEqualTo(2);
            assertThat(Files.readAllBytes(tmp.resolve("run/examples.jsonl"))).isEqualTo(first);
        }
    }

    @Test
    void aTemplateGivenFewerUsableWordingsThanAskedIsNamedInAWarning() throws IOException {
        Path task = task();
        try (FakeTeacherServer teacher = FakeTeacherServer.start(p -> "1. Fine: " + p.lines().filter(l ->
                l.endsWith(".")).findFirst().orElse("") + "\n2. \"\"\n", Duration.ZERO, 2).serving("m")) {
            assertThat(template(teacher, task, csv(6), tmp.resolve("run"))).as(err.toString()).isZero();
        }
        assertThat(err.toString()).contains("warning: template qa-1: the teacher gave");
    }

    @Test
    void withoutATeacherTheOptionExitsTwoAndWritesNothing() throws IOException {
        int code = run("template", "--in", csv(3).toString(), "--task", task().toString(),
                "--paraphrase-templates", "3", "--out", tmp.resolve("run").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--paraphrase-templates 3 asks a teacher for new wordings of each "
                + "template, but no teacher is configured: give --teacher-url URL and --model NAME")
                .doesNotContain("Exception");
        assertThat(tmp.resolve("run")).doesNotExist();
    }
}
