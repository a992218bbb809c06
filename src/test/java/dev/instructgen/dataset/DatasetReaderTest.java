package dev.instructgen.dataset;

import dev.instructgen.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatasetReaderTest {

    @TempDir
    Path dir;

    private Path file(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void readsSelfInstructSeedTasksWithAllInstancesAndTheClassificationFlag() throws IOException {
        Path seeds = file("seed_tasks.jsonl",
                "{\"id\": \"seed_task_0\", \"name\": \"sentiment\", \"instruction\": \"Classify the sentiment.\", "
                        + "\"instances\": [{\"input\": \"I love it\", \"output\": \"positive\"}, "
                        + "{\"input\": \"Awful\", \"output\": \"negative\"}], \"is_classification\": true}",
                "{\"id\": \"seed_task_1\", \"name\": \"haiku\", \"instruction\": \"Write a haiku about rain.\", "
                        + "\"instances\": [{\"input\": \"\", \"output\": \"Soft rain on the roof\"}], "
                        + "\"is_classification\": false, \"license\": \"CC0-1.0\"}");

        Dataset dataset = DatasetReader.read(seeds);

        assertThat(dataset.format()).isEqualTo(DatasetFormat.SELF_INSTRUCT_SEEDS);
        assertThat(dataset.tasks()).extracting(SeedTask::id).containsExactly("seed_task_0", "seed_task_1");
        SeedTask first = dataset.tasks().get(0);
        assertThat(first.isClassification()).isTrue();
        assertThat(first.instances()).containsExactly(new SeedTask.Instance("I love it", "positive"),
                new SeedTask.Instance("Awful", "negative"));
        assertThat(first.line()).isEqualTo(1);
        assertThat(first.license()).isNull();
        assertThat(dataset.tasks().get(1).license()).isEqualTo("CC0-1.0");
        assertThat(dataset.records().get(1).raw().get("name").asText()).isEqualTo("haiku");
    }

    @Test
    void readsAnAlpacaJsonArrayNumberingRecordsByPosition() throws IOException {
        Path alpaca = file("data.json",
                "[",
                "  {\"instruction\": \"Give three tips for staying healthy.\", \"input\": \"\", \"output\": \"Eat, sleep, move.\"},",
                "  {\"instruction\": \"Translate to French.\", \"input\": \"Good morning\", \"output\": \"Bonjour\"}",
                "]");

        Dataset dataset = DatasetReader.read(alpaca);

        assertThat(dataset.format()).isEqualTo(DatasetFormat.ALPACA_JSON);
        assertThat(dataset.tasks()).extracting(SeedTask::id).containsExactly("data-1", "data-2");
        assertThat(dataset.tasks()).extracting(SeedTask::line).containsExactly(1, 2);
        assertThat(dataset.tasks().get(1).instances())
                .containsExactly(new SeedTask.Instance("Good morning", "Bonjour"));
    }

    @Test
    void readsAlpacaJsonlSkippingBlankLinesAndKeepingUnknownFieldsInTheRawRecord() throws IOException {
        Path alpaca = file("triples.jsonl",
                "{\"instruction\": \"Name a prime.\", \"output\": \"7\", \"source\": \"demo\"}",
                "",
                "   ",
                "{\"instruction\": \"Sum the numbers.\", \"input\": \"2, 3\", \"output\": \"5\", \"source\": \"demo\"}");

        Dataset dataset = DatasetReader.read(alpaca);

        assertThat(dataset.format()).isEqualTo(DatasetFormat.ALPACA_JSONL);
        assertThat(dataset.tasks()).extracting(SeedTask::id).containsExactly("triples-1", "triples-4");
        assertThat(dataset.tasks().get(0).instances()).containsExactly(new SeedTask.Instance("", "7"));
        assertThat(dataset.records().get(1).raw().get("source").asText()).isEqualTo("demo");
    }

    @Test
    void readsDollyContextAsInputAndResponseAsOutput() throws IOException {
        Path dolly = file("dolly.jsonl",
                "{\"instruction\": \"When was the tower built?\", \"context\": \"The tower was built in 1889.\", "
                        + "\"response\": \"In 1889.\", \"category\": \"closed_qa\"}",
                "{\"instruction\": \"Name a blue fruit.\", \"context\": \"\", \"response\": \"Blueberry.\", "
                        + "\"category\": \"open_qa\"}");

        Dataset dataset = DatasetReader.read(dolly);

        assertThat(dataset.format()).isEqualTo(DatasetFormat.DOLLY_JSONL);
        assertThat(dataset.tasks().get(0).instances())
                .containsExactly(new SeedTask.Instance("The tower was built in 1889.", "In 1889."));
        assertThat(dataset.tasks().get(1).instruction()).isEqualTo("Name a blue fruit.");
    }

    @Test
    void readsARunDirectoryThroughItsExamplesFileWithTheLicenseFromTheLicenseBlock() throws IOException {
        Path run = Files.createDirectory(dir.resolve("run"));
        Files.writeString(run.resolve("examples.jsonl"),
                "{\"id\": \"si-000001\", \"instruction\": \"List two uses of copper.\", \"input\": \"\", "
                        + "\"output\": \"Wiring and plumbing.\", \"method\": \"self-instruct\", \"task_id\": \"t1\", "
                        + "\"is_classification\": false, \"provenance\": {\"run_id\": \"r\"}, "
                        + "\"license\": {\"license\": \"Apache-2.0\", \"commercial_use\": true}}\n");

        Dataset dataset = DatasetReader.read(run);

        assertThat(dataset.file()).isEqualTo(run.resolve("examples.jsonl"));
        assertThat(dataset.format()).isEqualTo(DatasetFormat.INSTRUCTGEN_EXAMPLES);
        SeedTask task = dataset.tasks().get(0);
        assertThat(task.id()).isEqualTo("si-000001");
        assertThat(task.license()).isEqualTo("Apache-2.0");
    }

    @Test
    void detectsTheFormatFromContentNotFromTheExtension() throws IOException {
        Path dollyInJson = file("looks-like-alpaca.json",
                "{\"instruction\": \"Say hi.\", \"context\": \"\", \"response\": \"Hi.\", \"category\": \"x\"}");
        Path arrayInTxt = file("array.txt", "[{\"instruction\": \"Say hi.\", \"input\": \"\", \"output\": \"Hi.\"}]");

        assertThat(DatasetReader.read(dollyInJson).format()).isEqualTo(DatasetFormat.DOLLY_JSONL);
        assertThat(DatasetReader.read(arrayInTxt).format()).isEqualTo(DatasetFormat.ALPACA_JSON);
    }

    @Test
    void acceptsAByteOrderMarkAndNumericIds() throws IOException {
        Path file = file("bom.jsonl", "\uFEFF{\"id\": 17, \"instruction\": \"Say hi.\", \"output\": \"Hi.\"}");

        assertThat(DatasetReader.read(file).tasks().get(0).id()).isEqualTo("17");
    }

    @Test
    void namesFileLineAndExpectationForARecordWithoutInstruction() throws IOException {
        Path seeds = file("seeds.jsonl",
                "{\"instruction\": \"Say hi.\", \"input\": \"\", \"output\": \"Hi.\"}",
                "{\"prompt\": \"Say hi.\", \"completion\": \"Hi.\"}");

        assertThatThrownBy(() -> DatasetReader.read(seeds))
                .isInstanceOf(BadInputException.class)
                .hasMessage(seeds + ":2: expected a JSON object with 'instruction' (Self-Instruct, Alpaca or Dolly "
                        + "format), found an object with keys [prompt, completion]");
    }

    @Test
    void reportsInvalidJsonWithLineAndJacksonsColumn() throws IOException {
        Path seeds = file("seeds.jsonl",
                "{\"instruction\": \"Say hi.\", \"output\": \"Hi.\"}",
                "{\"instruction\": \"Say bye.\" \"output\": \"Bye.\"}");

        assertThatThrownBy(() -> DatasetReader.read(seeds))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(seeds + ":2: invalid JSON at column 28: expected ',' between the fields");
    }

    @Test
    void reportsTrailingGarbageAfterAnObjectAsInvalidJson() throws IOException {
        Path seeds = file("seeds.jsonl", "{\"instruction\": \"Say hi.\", \"output\": \"Hi.\"} extra");

        assertThatThrownBy(() -> DatasetReader.read(seeds))
                .hasMessageStartingWith(seeds + ":1: invalid JSON");
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        Path empty = file("empty.jsonl", "", "  ");

        assertThatThrownBy(() -> DatasetReader.read(empty))
                .isInstanceOf(BadInputException.class)
                .hasMessage(empty + ": the file is empty; expected JSON records, one object per line (JSONL) "
                        + "or a JSON array");
    }

    @Test
    void rejectsARecordOfAnotherFormatThanTheFirst() throws IOException {
        Path mixed = file("mixed.jsonl",
                "{\"id\": \"a\", \"instruction\": \"Say hi.\", \"instances\": [{\"input\": \"\", \"output\": \"Hi.\"}]}",
                "{\"instruction\": \"Say bye.\", \"context\": \"\", \"response\": \"Bye.\"}");

        assertThatThrownBy(() -> DatasetReader.read(mixed))
                .isInstanceOf(BadInputException.class)
                .hasMessage(mixed + ":2: found a Dolly record (instruction/context/response) in a file of "
                        + "Self-Instruct seed tasks (JSONL) (detected from line 1); every record must have the "
                        + "same format");
    }

    @Test
    void rejectsASeedTaskWithoutInstances() throws IOException {
        Path seeds = file("seeds.jsonl", "{\"id\": \"a\", \"instruction\": \"Say hi.\", \"instances\": []}");

        assertThatThrownBy(() -> DatasetReader.read(seeds))
                .hasMessage(seeds + ":1: 'instances' is empty; a seed task needs at least one "
                        + "{\"input\", \"output\"} instance");
    }

    @Test
    void rejectsAnInstanceWithoutOutput() throws IOException {
        Path seeds = file("seeds.jsonl",
                "{\"id\": \"a\", \"instruction\": \"Say hi.\", \"instances\": [{\"input\": \"x\", \"output\": \"y\"}, "
                        + "{\"input\": \"x\"}]}");

        assertThatThrownBy(() -> DatasetReader.read(seeds)).hasMessage(seeds + ":1: instance 2: missing 'output'");
    }

    @Test
    void rejectsAWronglyTypedField() throws IOException {
        Path alpaca = file("a.jsonl", "{\"instruction\": \"Count.\", \"input\": \"\", \"output\": 5}");

        assertThatThrownBy(() -> DatasetReader.read(alpaca))
                .hasMessage(alpaca + ":1: 'output' must be a string, found a number");
    }

    @Test
    void rejectsAMissingDollyResponseByItsOwnName() throws IOException {
        Path dolly = file("d.jsonl", "{\"instruction\": \"Say hi.\", \"context\": \"\", \"category\": \"x\"}");

        assertThatThrownBy(() -> DatasetReader.read(dolly)).hasMessage(dolly + ":1: missing 'response'");
    }

    @Test
    void rejectsDuplicateIds() throws IOException {
        Path seeds = file("seeds.jsonl",
                "{\"id\": \"t\", \"instruction\": \"Say hi.\", \"instances\": [{\"input\": \"\", \"output\": \"Hi.\"}]}",
                "{\"id\": \"t\", \"instruction\": \"Say yo.\", \"instances\": [{\"input\": \"\", \"output\": \"Yo.\"}]}");

        assertThatThrownBy(() -> DatasetReader.read(seeds))
                .hasMessage(seeds + ":2: duplicate id 't' (first used at line 1)");
    }

    @Test
    void rejectsALineThatIsNotAnObject() throws IOException {
        Path file = file("strings.jsonl", "\"Say hi.\"");

        assertThatThrownBy(() -> DatasetReader.read(file)).hasMessageEndingWith(":1: expected a JSON object with "
                + "'instruction' (Self-Instruct, Alpaca or Dolly format), found a string");
    }

    @Test
    void explainsAPrettyPrintedSingleObjectInsteadOfComplainingAboutEveryLine() throws IOException {
        Path file = file("one.json", "{", "  \"instruction\": \"Say hi.\",", "  \"output\": \"Hi.\"", "}");

        assertThatThrownBy(() -> DatasetReader.read(file)).hasMessage(file + ":1: the file holds one JSON object "
                + "spread over several lines; expected one JSON object per line (JSONL) or a JSON array of records");
    }

    @Test
    void reportsTheLineOfABrokenElementInAJsonArray() throws IOException {
        Path file = file("data.json",
                "[",
                "  {\"instruction\": \"Say hi.\", \"output\": \"Hi.\"},",
                "  {\"instruction\": \"Say bye.\", \"output\": }",
                "]");

        assertThatThrownBy(() -> DatasetReader.read(file)).hasMessageStartingWith(file + ":3: invalid JSON at column");
    }

    @Test
    void rejectsSeedTasksInsideAJsonArray() throws IOException {
        Path file = file("data.json",
                "[{\"id\": \"a\", \"instruction\": \"Say hi.\", \"instances\": [{\"input\": \"\", \"output\": \"Hi.\"}]}]");

        assertThatThrownBy(() -> DatasetReader.read(file)).hasMessageContaining(":1: found a Self-Instruct seed "
                + "task (instruction/instances) in a JSON array");
    }

    @Test
    void rejectsAnUnclosedJsonArray() throws IOException {
        Path file = file("data.json", "[", "  {\"instruction\": \"Say hi.\", \"output\": \"Hi.\"},");

        assertThatThrownBy(() -> DatasetReader.read(file)).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(file + ":");
    }

    @Test
    void rejectsAMissingFileAndADirectoryThatIsNotARun() {
        assertThatThrownBy(() -> DatasetReader.read(dir.resolve("nope.jsonl")))
                .isInstanceOf(BadInputException.class).hasMessageEndingWith("nope.jsonl: no such file");
        assertThatThrownBy(() -> DatasetReader.read(dir))
                .isInstanceOf(BadInputException.class).hasMessageContaining("not a run directory");
    }

    @Test
    void rejectsTextThatIsNotUtf8() throws IOException {
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xE9, '"', '}', '\n'});

        assertThatThrownBy(() -> DatasetReader.read(file)).hasMessage(file + ":1: not valid UTF-8 text (byte 0xE9 "
                + "at byte 7); save the file as UTF-8");
    }

    @Test
    void rejectsAnEmptyJsonArray() throws IOException {
        Path file = file("data.json", "[ ]");

        assertThatThrownBy(() -> DatasetReader.read(file))
                .hasMessage(file + ": the JSON array is empty; expected Alpaca records in it");
    }

    @Test
    void rejectsContentAfterTheClosingBracketOfAJsonArray() throws IOException {
        Path file = file("data.json", "[{\"instruction\": \"Say hi.\", \"output\": \"Hi.\"}]", "{}");

        assertThatThrownBy(() -> DatasetReader.read(file))
                .hasMessage(file + ":2: unexpected content after the closing ']' of the JSON array");
    }

    @Test
    void derivesIdsFromTheFileNameWithoutItsLastExtension() throws IOException {
        Path file = file("alpaca.v2.jsonl", "{\"instruction\": \"Say hi.\", \"output\": \"Hi.\"}");

        assertThat(DatasetReader.read(file).tasks().get(0).id()).isEqualTo("alpaca.v2-1");
    }
}
