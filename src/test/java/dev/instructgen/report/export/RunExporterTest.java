package dev.instructgen.report.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.error.BadInputException;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.storage.RunDirectory;
import dev.instructgen.storage.TestRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunExporterTest {

    private static final int EXAMPLES = 40;

    @TempDir
    Path tmp;
    Path run;

    @BeforeEach
    void writeRun() {
        run = tmp.resolve("run");
        try (RunDirectory dir = RunDirectory.openOrCreate(run, TestRuns.manifest(), TestRuns.CLOCK)) {
            for (int i = 0; i < EXAMPLES; i++) {
                dir.appendExample(i == 7 ? TestRuns.example(i, "seed", TestRuns.license("CC-BY-NC-4.0", false))
                        : TestRuns.example(i));
            }
        }
    }

    private List<RunExporter.Written> export(ExportFormat format, Path to, boolean jsonl, String system,
                                             Double split, long seed) {
        return RunExporter.export(new RunExporter.Request(run, format, to, jsonl, system, split, seed));
    }

    @Test
    void alpacaIsAJsonArrayOfInstructionInputOutputInRunOrder() throws IOException {
        Path to = tmp.resolve("out/alpaca.json");
        var written = export(ExportFormat.ALPACA, to, false, null, null, 1);

        JsonNode array = JsonCodec.mapper().readTree(to.toFile());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(EXAMPLES);
        assertThat(written).singleElement().satisfies(w -> assertThat(w.records()).isEqualTo(EXAMPLES));
        for (int i = 0; i < EXAMPLES; i++) {
            Example example = TestRuns.example(i);
            JsonNode record = array.get(i);
            assertThat(fieldNames(record)).containsExactly("instruction", "input", "output");
            assertThat(record.get("instruction").asText()).isEqualTo(example.instruction());
            assertThat(record.get("input").asText()).isEqualTo(example.input());
            assertThat(record.get("output").asText()).isEqualTo(example.output());
        }
    }

    @Test
    void alpacaBecomesJsonLinesWithTheFlagOrAJsonlFileNameAndCarriesASystemPrompt() throws IOException {
        Path byName = tmp.resolve("alpaca.jsonl");
        Path byFlag = tmp.resolve("alpaca.txt");
        export(ExportFormat.ALPACA, byName, false, "Be brief.", null, 1);
        export(ExportFormat.ALPACA, byFlag, true, null, null, 1);

        List<JsonNode> named = readLines(byName);
        assertThat(named).hasSize(EXAMPLES).allSatisfy(r -> assertThat(r.get("system").asText()).isEqualTo("Be brief."));
        assertThat(readLines(byFlag)).hasSize(EXAMPLES).allSatisfy(r -> assertThat(r.has("system")).isFalse());
    }

    @Test
    void shareGptHasSystemHumanAndGptTurnsWithTheInputAfterABlankLine() throws IOException {
        Path to = tmp.resolve("sharegpt.jsonl");
        export(ExportFormat.SHAREGPT, to, false, "You are helpful.", null, 1);

        List<JsonNode> records = readLines(to);
        assertThat(records).hasSize(EXAMPLES);
        JsonNode withInput = records.get(1).get("conversations");
        assertThat(withInput).hasSize(3);
        assertThat(withInput.get(0).get("from").asText()).isEqualTo("system");
        assertThat(withInput.get(0).get("value").asText()).isEqualTo("You are helpful.");
        assertThat(withInput.get(1).get("from").asText()).isEqualTo("human");
        assertThat(withInput.get(1).get("value").asText())
                .isEqualTo(TestRuns.example(1).instruction() + "\n\n" + TestRuns.example(1).input());
        assertThat(withInput.get(2).get("from").asText()).isEqualTo("gpt");
        assertThat(withInput.get(2).get("value").asText()).isEqualTo("Output 1");
        JsonNode withoutInput = records.get(0).get("conversations");
        assertThat(withoutInput.get(1).get("value").asText()).isEqualTo(TestRuns.example(0).instruction());
    }

    @Test
    void openAiChatHasOnlyMessagesWithUserAndAssistantRoles() throws IOException {
        Path to = tmp.resolve("openai.jsonl");
        export(ExportFormat.OPENAI_CHAT, to, false, null, null, 1);

        List<JsonNode> records = readLines(to);
        assertThat(records).hasSize(EXAMPLES).allSatisfy(record -> {
            assertThat(fieldNames(record)).containsExactly("messages");
            assertThat(record.get("messages")).extracting(m -> m.get("role").asText())
                    .containsExactly("user", "assistant");
        });
        assertThat(records.get(2).get("messages").get(1).get("content").asText()).isEqualTo("Output 2");
    }

    @Test
    void splitWritesExactShareToValidationFileDisjointAndRepeatableWithTheSeed() throws IOException {
        Path to = tmp.resolve("train.jsonl");
        var written = export(ExportFormat.ALPACA, to, false, null, 0.25, 7);
        Path validation = tmp.resolve("train.validation.jsonl");

        assertThat(written).extracting(RunExporter.Written::file).containsExactly(to, validation);
        assertThat(written).extracting(RunExporter.Written::records).containsExactly(30L, 10L);
        List<String> train = instructions(readLines(to));
        List<String> valid = instructions(readLines(validation));
        assertThat(train).hasSize(30).doesNotContainAnyElementsOf(valid);
        Set<String> all = new HashSet<>(train);
        all.addAll(valid);
        assertThat(all).hasSize(EXAMPLES);

        export(ExportFormat.ALPACA, to, false, null, 0.25, 7);
        assertThat(instructions(readLines(validation))).isEqualTo(valid);
        export(ExportFormat.ALPACA, to, false, null, 0.25, 8);
        assertThat(instructions(readLines(validation))).hasSize(10).isNotEqualTo(valid);
    }

    @Test
    void writesALicenseCardBesideEachFileSummarisingItsRecords() throws IOException {
        Path to = tmp.resolve("data.jsonl");
        var written = export(ExportFormat.OPENAI_CHAT, to, false, null, null, 1);

        Path card = tmp.resolve("data.jsonl.license.md");
        assertThat(written.get(0).licenseCard()).isEqualTo(card);
        assertThat(written.get(0).commercialUse()).isEqualTo("no");
        String text = Files.readString(card);
        assertThat(text).contains("| Apache-2.0 | 39 |", "| CC-BY-NC-4.0 | 1 |", "**Commercial use: no**",
                "- Non-commercial: at least one source forbids commercial use.", "seed seed_tasks.jsonl (license: Apache-2.0)",
                "teacher llama3.1:8b (terms: Llama 3.1 Community License)", "exported from run `run-1`");
    }

    @Test
    void exportSkipsATornLastLineOfARunStillBeingWritten() throws IOException {
        Files.writeString(run.resolve("examples.jsonl"), "{\"id\":\"ex-99\",\"instr",
                java.nio.file.StandardOpenOption.APPEND);
        Path to = tmp.resolve("a.jsonl");
        assertThat(export(ExportFormat.ALPACA, to, false, null, null, 1).get(0).records()).isEqualTo(EXAMPLES);
        assertThat(Files.readAllLines(to)).hasSize(EXAMPLES);
    }

    @Test
    void refusesToExportOntoTheRunsOwnJournal() throws IOException {
        Path journal = run.resolve("examples.jsonl");
        long size = Files.size(journal);
        assertThatThrownBy(() -> export(ExportFormat.ALPACA, journal, false, null, null, 1))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("would overwrite the run's own examples.jsonl");
        assertThat(Files.size(journal)).isEqualTo(size);
    }

    @Test
    void validationFileNameKeepsTheExtension() {
        assertThat(RunExporter.validationPath(Path.of("d", "train.jsonl"))).isEqualTo(Path.of("d", "train.validation.jsonl"));
        assertThat(RunExporter.validationPath(Path.of("data"))).isEqualTo(Path.of("data.validation"));
    }

    private static List<JsonNode> readLines(Path file) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            records.add(JsonCodec.mapper().readTree(line));
        }
        return records;
    }

    private static List<String> instructions(List<JsonNode> records) {
        return records.stream().map(r -> r.get("instruction").asText()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
