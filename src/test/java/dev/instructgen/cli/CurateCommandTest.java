package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.text.semantic.HashingEmbedder;
import dev.instructgen.text.semantic.SentenceEmbedder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code instructgen curate} through the real command line, with a small word-bag embedder. */
class CurateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    static final String GSM = "Natalia sold clips to 48 of her friends in April, and then she sold half as many "
            + "clips in May. How many clips did Natalia sell altogether in April and May?";
    static final String WENG = "Weng earns $12 an hour for babysitting. Yesterday, she just did 50 minutes of "
            + "babysitting. How much did she earn?";

    int run(Supplier<SentenceEmbedder> embedder, String... args) {
        var commandLine = InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(err));
        ((CurateCommand) commandLine.getSubcommands().get("curate").getCommand()).embedder = embedder;
        return commandLine.execute(args);
    }

    int run(String... args) {
        return run(() -> new HashingEmbedder(256), args);
    }

    @Test
    void benchmark_items_injected_verbatim_and_lightly_edited_are_all_removed_naming_file_and_line()
            throws IOException {
        Path bench = dir.resolve("gsm8k_test.jsonl");
        Files.writeString(bench, "{\"question\": \"" + GSM + "\", \"answer\": \"72\"}\n"
                + "{\"question\": \"" + WENG + "\", \"answer\": \"10\"}\n");
        Path data = alpaca(
                record("Name three rivers in Europe.", "", "Rhine, Danube, Seine."),
                record(GSM, "", "72"),
                record("Write a haiku about autumn.", "", "Leaves fall."),
                // lightly edited: a prefix, a changed word and the punctuation
                record("Solve this: " + WENG.replace("Yesterday", "Today").replace("?", ""), "", "$10"),
                record("Answer the question.", GSM.toLowerCase(), "72"));
        Path runDir = dir.resolve("curated");

        int code = run("curate", "--in", data.toString(), "--out", runDir.toString(),
                "--decontaminate", bench.toString());

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(lines(runDir.resolve("examples.jsonl"))).extracting(n -> n.get("instruction").asText())
                .containsExactly("Name three rivers in Europe.", "Write a haiku about autumn.");
        List<JsonNode> rejected = lines(runDir.resolve("rejected.jsonl"));
        assertThat(rejected).extracting(n -> n.get("reason").asText()).containsOnly("benchmark_overlap");
        assertThat(rejected).extracting(n -> n.get("detail").asText()).satisfiesExactly(
                d -> assertThat(d).contains("gsm8k_test.jsonl:1"),
                d -> assertThat(d).contains("gsm8k_test.jsonl:2"),
                d -> assertThat(d).contains("gsm8k_test.jsonl:1"));
        JsonNode stats = JsonCodec.mapper().readTree(runDir.resolve("stats.json").toFile());
        assertThat(stats.path("rejected").path("benchmark_overlap").asInt()).isEqualTo(3);
        assertThat(Files.readString(runDir.resolve("DATASET_CARD.md"))).contains("benchmark decontamination")
                .contains("gsm8k_test.jsonl");
        JsonNode manifest = JsonCodec.mapper().readTree(runDir.resolve("manifest.json").toFile());
        assertThat(manifest.path("command").asText()).isEqualTo("curate");
        assertThat(manifest.path("settings").path("ngram").asInt()).isEqualTo(13);
    }

    @Test
    void semantic_duplicates_are_rejected_naming_the_kept_record_and_a_changed_threshold_refuses_to_resume()
            throws IOException {
        Path data = alpaca(
                record("Rivers of Europe", "", "a"),
                record("rivers of europe!", "", "b"),
                record("Write a poem", "", "c"));
        Path runDir = dir.resolve("curated");

        assertThat(run("curate", "--in", data.toString(), "--out", runDir.toString(), "--semantic-dedup", "0.9"))
                .as(err.toString()).isEqualTo(ExitCode.OK);
        List<JsonNode> rejected = lines(runDir.resolve("rejected.jsonl"));
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0).get("reason").asText()).isEqualTo("semantic_duplicate");
        assertThat(rejected.get(0).get("detail").asText()).isEqualTo("cosine 1.000 > 0.90 with data-1");

        int changed = run("curate", "--in", data.toString(), "--out", runDir.toString(), "--semantic-dedup", "0.8");

        assertThat(changed).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("semantic_dedup");
    }

    @Test
    void a_resumed_run_skips_decided_records_and_refills_the_semantic_index_from_the_kept_ones()
            throws IOException {
        Path data = alpaca(
                record("Rivers of Europe", "", "a"),
                record("Write a poem", "", "b"),
                record("rivers of europe!", "", "c"),
                record("Sort these numbers", "", "d"));
        Path runDir = dir.resolve("curated");
        assertThat(run("curate", "--in", data.toString(), "--out", runDir.toString(), "--semantic-dedup", "0.9"))
                .isEqualTo(ExitCode.OK);
        Path examples = runDir.resolve("examples.jsonl");
        List<String> all = Files.readAllLines(examples);
        assertThat(all).hasSize(3);
        // as if killed after the first two decisions: the third record and the last were never written
        Files.write(examples, all.subList(0, 2));
        Files.writeString(runDir.resolve("rejected.jsonl"), "");

        int code = run("curate", "--in", data.toString(), "--out", runDir.toString(), "--semantic-dedup", "0.9");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("resuming run");
        assertThat(lines(examples)).extracting(n -> n.get("output").asText()).containsExactly("a", "b", "d");
        assertThat(lines(runDir.resolve("rejected.jsonl"))).extracting(n -> n.get("detail").asText())
                .containsExactly("cosine 1.000 > 0.90 with data-1");
    }

    @Test
    void records_of_a_run_keep_their_provenance_and_license_block_unchanged() throws IOException {
        Path data = dir.resolve("examples.jsonl");
        String example = "{\"id\":\"si-1\",\"instruction\":\"Name a river.\",\"input\":\"\",\"output\":\"Rhine\","
                + "\"method\":\"self-instruct\",\"task_id\":\"t1\",\"is_classification\":false,\"provenance\":{"
                + "\"run_id\":\"run-x\",\"created_at\":\"2026-01-01T00:00:00Z\",\"teacher\":{\"api\":\"openai\","
                + "\"model\":\"m\",\"host\":\"localhost:8000\"},\"prompts\":{},\"parents\":[\"seed_1\"]},"
                + "\"license\":{\"license\":\"Apache-2.0\",\"commercial_use\":true,\"restrictions\":[],"
                + "\"sources\":[{\"kind\":\"seed\",\"name\":\"seeds.jsonl\",\"license\":\"Apache-2.0\"}]}}";
        Files.writeString(data, example + "\n");
        Path runDir = dir.resolve("curated");

        assertThat(run("curate", "--in", data.toString(), "--out", runDir.toString())).as(err.toString())
                .isEqualTo(ExitCode.OK);

        JsonNode kept = lines(runDir.resolve("examples.jsonl")).get(0);
        JsonNode original = JsonCodec.mapper().readTree(example);
        // the same values; absent optional fields may come back as explicit nulls
        var provenance = (com.fasterxml.jackson.databind.node.ObjectNode) kept.get("provenance").deepCopy();
        provenance.remove(List.of("novelty", "usage", "evolution"));
        assertThat(provenance).isEqualTo(original.get("provenance"));
        assertThat(kept.get("license")).isEqualTo(original.get("license"));
        assertThat(kept.get("method").asText()).isEqualTo("self-instruct");
    }

    @Test
    void top_n_without_scores_keeps_the_most_diverse_records() throws IOException {
        Path data = alpaca(
                record("rivers of europe", "", "a"),
                record("rivers of europe and asia", "", "b"),
                record("bake a chocolate cake", "", "c"),
                record("rivers of europe please", "", "d"));
        Path runDir = dir.resolve("top");

        int code = run("curate", "--in", data.toString(), "--out", runDir.toString(), "--top", "2");

        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(lines(runDir.resolve("examples.jsonl"))).extracting(n -> n.get("output").asText())
                .containsExactly("a", "c");
    }

    @Test
    void a_broken_benchmark_file_exits_2_naming_file_and_line() throws IOException {
        Path bench = dir.resolve("bench.jsonl");
        Files.writeString(bench, "{\"question\": \"fine item\"}\n{not json}\n");
        Path data = alpaca(record("Name a river.", "", "Rhine"));

        int code = run("curate", "--in", data.toString(), "--out", dir.resolve("c").toString(),
                "--decontaminate", bench.toString());

        assertThat(code).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("bench.jsonl line 2").doesNotContain("Exception");
    }

    static String record(String instruction, String input, String output) {
        var node = JsonCodec.mapper().createObjectNode();
        node.put("instruction", instruction).put("input", input).put("output", output);
        return node.toString();
    }

    Path alpaca(String... records) throws IOException {
        Path file = dir.resolve("data.json");
        Files.writeString(file, "[\n" + String.join(",\n", records) + "\n]\n");
        return file;
    }

    static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                nodes.add(JsonCodec.mapper().readTree(line));
            }
        }
        return nodes;
    }
}
