package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.JsonLines;
import dev.instructgen.mix.MixFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three-source mix of issue 14 through the real command: a Self-Instruct run (Apache-2.0, a teacher that
 * allows commercial use), an Evol-Instruct run (teacher terms unknown) holding ten near-copies of Self-Instruct
 * instructions, and a Dolly-format file under CC-BY-SA-3.0 capped at 50 of its 100 records.
 */
class MixCommandTest {

    @TempDir
    Path tmp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private Path si;
    private Path evol;
    private Path dolly;

    @BeforeEach
    void sources() {
        List<String> siInstructions = MixFixtures.instructions(1, 40);
        List<String> evolInstructions = new ArrayList<>(MixFixtures.instructions(2, 20));
        for (int i = 0; i < 10; i++) {
            evolInstructions.add(siInstructions.get(i) + " now"); // ROUGE-L F1 well above 0.7
        }
        si = MixFixtures.run(tmp.resolve("si"), "self-instruct", "si", siInstructions,
                MixFixtures.license("Apache-2.0", true, "llama3.1:8b"));
        evol = MixFixtures.run(tmp.resolve("evol"), "evol-instruct", "ev", evolInstructions,
                MixFixtures.license("Apache-2.0", null, "acme-llm:7b"));
        dolly = MixFixtures.dolly(tmp.resolve("dolly.jsonl"), MixFixtures.instructions(3, 100), "CC-BY-SA-3.0");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private int mix(Path to, String... extra) {
        return mixWith(to, "60", "7", extra);
    }

    private int mixWith(Path to, String total, String seed, String... extra) {
        List<String> args = new ArrayList<>(List.of("mix", "--source", "si=" + si, "--source", "evol=" + evol,
                "--source", "dolly=" + dolly + ":cap=50", "--strategy", "proportional", "--total", total,
                "--seed", seed, "--out", to.toString()));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    @Test
    void countsPerSourceMatchTheProportionalFormulaWithTheCapExactly() throws IOException {
        assertThat(mix(tmp.resolve("mix"))).as(err.toString()).isZero();

        // rate = min(size, cap) / sum: 40/120, 30/120, 50/120 of 60 -> 20, 15, 25
        Map<String, Integer> bySource = new TreeMap<>();
        for (JsonNode record : JsonLines.read(tmp.resolve("mix/examples.jsonl"))) {
            bySource.merge(record.at("/provenance/mix/source").asText(), 1, Integer::sum);
            assertThat(record.get("method").asText()).isEqualTo("mix");
            assertThat(record.at("/provenance/mix/strategy").asText()).isEqualTo("proportional");
        }
        assertThat(bySource).containsExactlyInAnyOrderEntriesOf(Map.of("si", 20, "evol", 15, "dolly", 25));
        JsonNode first = JsonLines.read(tmp.resolve("mix/examples.jsonl")).stream()
                .filter(r -> r.at("/provenance/mix/source").asText().equals("evol")).findFirst().orElseThrow();
        assertThat(first.at("/provenance/mix/weight").asDouble()).isEqualTo(0.25);
        assertThat(first.at("/provenance/evolution/operation").asText()).as("original provenance kept")
                .isEqualTo("deepen");
        assertThat(first.at("/provenance/mix/original_method").asText()).isEqualTo("evol-instruct");
    }

    @Test
    void dedupRejectionsNameTheSourceThatKeptTheWinnerAndAreReplacedFromTheSameSource() throws IOException {
        assertThat(mix(tmp.resolve("mix"))).as(err.toString()).isZero();

        List<JsonNode> rejected = JsonLines.read(tmp.resolve("mix/rejected.jsonl"));
        assertThat(rejected).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("reason").asText()).isEqualTo("cross_source_duplicate");
            assertThat(r.get("stage").asText()).isEqualTo("mix");
            assertThat(r.get("id").asText()).startsWith("evol/");
            assertThat(r.get("detail").asText()).contains("kept from source 'si'");
            assertThat(r.get("parents").get(0).asText()).startsWith("si/");
        });
        String card = Files.readString(tmp.resolve("mix/DATASET_CARD.md"));
        assertThat(card).contains("| evol | si | " + rejected.size() + " |");
        assertThat(out.toString()).contains("lost " + rejected.size() + " to {si=" + rejected.size() + "}");
    }

    @Test
    void aRerunWritesIdenticalBytesAndTheSameRunId() throws IOException {
        assertThat(mix(tmp.resolve("a"))).as(err.toString()).isZero();
        assertThat(mix(tmp.resolve("b"))).as(err.toString()).isZero();
        byte[] firstExamples = Files.readAllBytes(tmp.resolve("a/examples.jsonl"));
        assertThat(mix(tmp.resolve("a"))).as("rebuilding in place: " + err).isZero();

        for (String file : List.of("examples.jsonl", "rejected.jsonl", "manifest.json", "DATASET_CARD.md")) {
            assertThat(Files.readAllBytes(tmp.resolve("a").resolve(file))).as(file)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("b").resolve(file)));
        }
        assertThat(Files.readAllBytes(tmp.resolve("a/examples.jsonl"))).isEqualTo(firstExamples);
        assertThat(mixWith(tmp.resolve("c"), "60", "8")).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("c/examples.jsonl"))).as("another seed, another draw")
                .isNotEqualTo(firstExamples);
    }

    @Test
    void theCardTablesEachSourcesLicenseAndCommercialUseAndCallsTheMixShareAlike() throws IOException {
        assertThat(mix(tmp.resolve("mix"))).as(err.toString()).isZero();

        String card = Files.readString(tmp.resolve("mix/DATASET_CARD.md"));
        assertThat(card).startsWith("---\nlicense: other\n");
        assertThat(card).containsPattern("\\| si \\| examples.jsonl \\| .* \\| 40 \\| none \\| 0.3333 \\| 20 \\| 20 "
                + "\\| 33.3% \\| Apache-2.0 \\| yes \\| no \\|");
        assertThat(card).containsPattern("\\| evol \\| examples.jsonl \\| .* \\| 30 \\| none \\| 0.2500 \\| 15 \\| 15 "
                + "\\| 25.0% \\| Apache-2.0 \\| unknown \\| no \\|");
        assertThat(card).containsPattern("\\| dolly \\| dolly.jsonl \\| Dolly \\(JSONL\\) \\| 100 \\| 50 \\| 0.4167 "
                + "\\| 25 \\| 25 \\| 41.7% \\| CC-BY-SA-3.0 \\| yes \\| yes \\|");
        assertThat(card).contains("The mix is share-alike as a whole: source 'dolly' is share-alike");
        assertThat(card).contains("Whether commercial use is allowed is unknown");
    }

    @Test
    void requireCommercialRefusesNamingTheSourceWhoseTermsAreUnknownAndWritesNothing() {
        int code = mix(tmp.resolve("mix"), "--require-commercial");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--require-commercial: source 'evol' (Apache-2.0) has 15 of its 15"
                + " records whose commercial use is unknown").doesNotContain("'si'").doesNotContain("'dolly'")
                .doesNotContain("Exception");
        assertThat(tmp.resolve("mix")).doesNotExist();
    }

    @Test
    void requireCommercialAcceptsAMixOfCommercialSources() {
        int code = run("mix", "--source", "si=" + si, "--source", "dolly=" + dolly, "--require-commercial",
                "--out", tmp.resolve("mix").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("commercial use: yes");
    }

    @Test
    void aSourceTooSmallForItsShareIsNamedUnlessRepeatsAreAllowed() throws IOException {
        int code = mixWith(tmp.resolve("mix"), "600", "7");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("source 'si' has 40 records but its share of the total is 200")
                .contains("source 'dolly' has 50 records (after cap=50) but its share of the total is 250")
                .contains("--allow-repeat");

        assertThat(mixWith(tmp.resolve("mix"), "600", "7", "--allow-repeat")).as(err.toString()).isZero();
        List<JsonNode> records = JsonLines.read(tmp.resolve("mix/examples.jsonl"));
        assertThat(records).hasSize(600);
        assertThat(records.stream().map(r -> r.get("id").asText()).distinct().count()).isEqualTo(600);
        assertThat(records.stream().filter(r -> r.at("/provenance/mix/source").asText().equals("dolly")).count())
                .isEqualTo(250);
    }

    @Test
    void statsAndExportReadTheMixLikeAnyRun() throws IOException {
        assertThat(mix(tmp.resolve("mix"))).as(err.toString()).isZero();

        assertThat(run("stats", tmp.resolve("mix").toString(), "--json")).as(err.toString()).isZero();
        JsonNode stats = JsonCodec.mapper().readTree(out.toString());
        assertThat(stats.get("accepted").asLong()).isEqualTo(60);
        assertThat(stats.at("/accepted_by_method/mix").asLong()).isEqualTo(60);
        assertThat(stats.get("command").asText()).isEqualTo("mix");

        Path to = tmp.resolve("train.jsonl");
        assertThat(run("export", "--run", tmp.resolve("mix").toString(), "--format", "alpaca", "--to",
                to.toString())).as(err.toString()).isZero();
        assertThat(Files.readAllLines(to)).hasSize(60);
    }

    @Test
    void aSourceWithNoRecordsLeftToReplaceItsDuplicatesGivesFewerAndTheCardSaysSo() throws IOException {
        // no --total: every record of each source is asked for, so evol's ten near-copies of si cannot be replaced
        int code = run("mix", "--source", "si=" + si, "--source", "evol=" + evol, "--out",
                tmp.resolve("mix").toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("mix/examples.jsonl"))).hasSize(60);
        assertThat(Files.readAllLines(tmp.resolve("mix/rejected.jsonl"))).hasSize(10);
        assertThat(Files.readString(tmp.resolve("mix/DATASET_CARD.md")))
                .contains("Source 'evol' ran out of records to replace its duplicates: it gave 20 of the 30 asked.");
        assertThat(out.toString()).contains("10 short");

        assertThat(run("mix", "--source", "si=" + si, "--source", "evol=" + evol, "--no-dedup", "--out",
                tmp.resolve("mix").toString())).isZero();
        assertThat(Files.readAllLines(tmp.resolve("mix/examples.jsonl"))).hasSize(70);
        assertThat(Files.readString(tmp.resolve("mix/rejected.jsonl"))).isEmpty();
    }

    @Test
    void refusesToReplaceARunOfAnotherCommand() {
        int code = mix(si);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("holds a self-instruct run; mix only replaces its own runs");
    }
}
