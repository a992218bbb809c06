package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat files as mix sources, through the real command: a Self-Instruct run of 10 examples, a ShareGPT JSON array
 * of 6 conversations (CC-BY-4.0 from its .license sidecar; one opens with a near-copy of a run instruction) and
 * an OpenAI chat JSONL file of 4 records (Apache-2.0 from --source-license; one opens with a system turn).
 */
class MixOfChatSourcesTest {

    @TempDir
    Path tmp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();
    private Path si;
    private Path sharegpt;
    private Path openai;
    private List<String> siInstructions;

    @BeforeEach
    void sources() throws IOException {
        siInstructions = MixFixtures.instructions(1, 10);
        si = MixFixtures.run(tmp.resolve("si"), "self-instruct", "si", siInstructions,
                MixFixtures.license("Apache-2.0", true, "llama3.1:8b"));
        List<String> chat = MixFixtures.instructions(4, 5);
        StringBuilder array = new StringBuilder("[\n");
        for (int i = 0; i < 5; i++) {
            array.append("  {\"id\": \"sg-").append(i).append("\", \"conversations\": [")
                    .append("{\"from\": \"human\", \"value\": \"").append(chat.get(i)).append("\"}, ")
                    .append("{\"from\": \"gpt\", \"value\": \"First answer ").append(i).append("\"}");
            if (i % 2 == 0) {
                array.append(", {\"from\": \"human\", \"value\": \"And why ").append(i).append("?\"}, ")
                        .append("{\"from\": \"gpt\", \"value\": \"Because ").append(i).append(".\"}");
            }
            array.append("]},\n");
        }
        array.append("  {\"id\": \"sg-dup\", \"conversations\": [{\"from\": \"human\", \"value\": \"")
                .append(siInstructions.get(0)).append(" now\"}, {\"from\": \"gpt\", \"value\": \"Copy.\"}]}\n]\n");
        sharegpt = tmp.resolve("chats.json");
        Files.writeString(sharegpt, array);
        Files.writeString(tmp.resolve("chats.json.license"), "CC-BY-4.0\n");

        List<String> asks = MixFixtures.instructions(5, 4);
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            jsonl.append("{\"messages\": [");
            if (i == 0) {
                jsonl.append("{\"role\": \"system\", \"content\": \"You are terse.\"}, ");
            }
            jsonl.append("{\"role\": \"user\", \"content\": \"").append(asks.get(i)).append("\"}, ")
                    .append("{\"role\": \"assistant\", \"content\": \"Reply ").append(i).append("\"}]}\n");
        }
        openai = tmp.resolve("openai.jsonl");
        Files.writeString(openai, jsonl);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return InstructgenCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    private int mixAll(Path to) {
        return run("mix", "--source", "si=" + si, "--source", "chats=" + sharegpt, "--source", "oai=" + openai,
                "--source-license", "oai=Apache-2.0", "--seed", "7", "--out", to.toString());
    }

    private static JsonNode byOriginalId(List<JsonNode> records, String id) {
        return records.stream().filter(r -> r.at("/provenance/mix/original_id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + id));
    }

    @Test
    void aRunAShareGptFileAndAnOpenAiChatFileMixWithTheirTurnsProvenanceAndLicenses() throws IOException {
        assertThat(mixAll(tmp.resolve("mix"))).as(err.toString()).isZero();

        List<JsonNode> records = JsonLines.read(tmp.resolve("mix/examples.jsonl"));
        Map<String, Integer> bySource = new TreeMap<>();
        records.forEach(r -> bySource.merge(r.at("/provenance/mix/source").asText(), 1, Integer::sum));
        // no --total: every record; the ShareGPT near-copy of si's first instruction lost the dedup
        assertThat(bySource).containsExactlyInAnyOrderEntriesOf(Map.of("si", 10, "chats", 5, "oai", 4));
        List<JsonNode> rejected = JsonLines.read(tmp.resolve("mix/rejected.jsonl"));
        assertThat(rejected).singleElement().satisfies(r -> {
            assertThat(r.get("id").asText()).isEqualTo("chats/sg-dup");
            assertThat(r.get("detail").asText()).contains("kept from source 'si'");
        });

        JsonNode multi = byOriginalId(records, "sg-0");
        assertThat(multi.get("id").asText()).isEqualTo("chats/sg-0");
        assertThat(multi.get("method").asText()).isEqualTo("mix");
        assertThat(multi.at("/provenance/mix/strategy").asText()).isEqualTo("proportional");
        assertThat(multi.at("/provenance/mix/original_method").asText()).isEqualTo("seed");
        assertThat(multi.get("instruction").asText()).isEqualTo(MixFixtures.instructions(4, 5).get(0));
        assertThat(multi.get("output").asText()).isEqualTo("First answer 0");
        assertThat(multi.get("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\""
                + MixFixtures.instructions(4, 5).get(0) + "\"},{\"role\":\"assistant\",\"content\":\"First answer 0\"},"
                + "{\"role\":\"user\",\"content\":\"And why 0?\"},{\"role\":\"assistant\",\"content\":\"Because 0.\"}]");
        assertThat(multi.at("/license/license").asText()).isEqualTo("CC-BY-4.0");

        JsonNode single = byOriginalId(records, "sg-1");
        assertThat(single.has("messages")).as("one question and its answer stay a single-turn record").isFalse();
        assertThat(single.get("output").asText()).isEqualTo("First answer 1");

        JsonNode withSystem = byOriginalId(records, "openai-1");
        assertThat(withSystem.at("/messages/0").toString()).isEqualTo("{\"role\":\"system\",\"content\":\"You are terse.\"}");
        assertThat(withSystem.at("/license/license").asText()).isEqualTo("Apache-2.0");

        String card = Files.readString(tmp.resolve("mix/DATASET_CARD.md"));
        assertThat(card).containsPattern("\\| chats \\| chats.json \\| ShareGPT \\(JSON array\\) \\| 6 \\| none \\| .* \\| 6 \\| 5 "
                + "\\| .* \\| CC-BY-4.0 \\| yes \\| no \\|");
        assertThat(card).containsPattern("\\| oai \\| openai.jsonl \\| OpenAI chat \\(JSONL\\) \\| 4 \\| none \\| .* "
                + "\\| Apache-2.0 \\| yes \\| no \\|");
        assertThat(card).contains("| chats | si | 1 |");
    }

    @Test
    void theMixOfChatsIsReproducibleAndExportsItsConversationsBackTurnForTurn() throws IOException {
        assertThat(mixAll(tmp.resolve("a"))).as(err.toString()).isZero();
        assertThat(mixAll(tmp.resolve("b"))).as(err.toString()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("a/examples.jsonl")))
                .isEqualTo(Files.readAllBytes(tmp.resolve("b/examples.jsonl")));

        Path exported = tmp.resolve("train.sharegpt.jsonl");
        assertThat(run("export", "--run", tmp.resolve("a").toString(), "--format", "sharegpt", "--to",
                exported.toString())).as(err.toString()).isZero();
        assertThat(run("validate", exported.toString())).as(out + "" + err).isZero();
        // the export read back as a source: every conversation comes back with the same turns
        assertThat(run("mix", "--source", "again=" + exported, "--out", tmp.resolve("again").toString()))
                .as(err.toString()).isZero();
        List<JsonNode> first = JsonLines.read(tmp.resolve("a/examples.jsonl"));
        List<JsonNode> again = JsonLines.read(tmp.resolve("again/examples.jsonl"));
        assertThat(again).hasSize(first.size());
        List<String> turns = first.stream().filter(r -> r.has("messages")).map(r -> r.get("messages").toString())
                .sorted().toList();
        assertThat(again.stream().filter(r -> r.has("messages")).map(r -> r.get("messages").toString()).sorted())
                .containsExactlyElementsOf(turns).hasSize(4);
    }

    @Test
    void validateAcceptsBothChatFormats() {
        assertThat(run("validate", sharegpt.toString())).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("ShareGPT (JSON array)");
        assertThat(run("validate", openai.toString())).as(out + "" + err).isZero();
        assertThat(out.toString()).contains("OpenAI chat (JSONL)");
    }

    @Test
    void aMalformedShareGptLineStopsTheMixNamingFileAndLine() throws IOException {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"conversations\": [{\"from\": \"human\", \"value\": \"Hi there friend\"}, "
                + "{\"from\": \"gpt\", \"value\": \"Hello.\"}]}\n"
                + "{\"conversations\": [{\"from\": \"human\", \"value\": \"Name a colour\"}, "
                + "{\"from\": \"robot\", \"value\": \"Red.\"}]}\n");

        int code = run("mix", "--source", "si=" + si, "--source", "bad=" + bad, "--out",
                tmp.resolve("mix").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("bad.jsonl:2: conversations[1]: 'from' must be human, gpt or system, "
                + "found 'robot'").doesNotContain("Exception");
        assertThat(tmp.resolve("mix")).doesNotExist();
    }

    @Test
    void validateListsEveryChatProblemWithItsLine() throws IOException {
        Path bad = tmp.resolve("bad.jsonl");
        Files.writeString(bad, "{\"messages\": [{\"role\": \"assistant\", \"content\": \"I start.\"}]}\n"
                + "{\"messages\": [{\"role\": \"user\", \"content\": \"Only a question\"}]}\n"
                + "{\"messages\": [{\"role\": \"user\", \"content\": 5}, {\"role\": \"assistant\", \"content\": \"x\"}]}\n");

        assertThat(run("validate", bad.toString())).isEqualTo(2);
        assertThat(out.toString() + err).contains("bad.jsonl:1: 'messages' must start with a user turn")
                .contains("bad.jsonl:2: 'messages' has no assistant turn")
                .contains("bad.jsonl:3: messages[0]: 'content' must be a string, found a number");
    }
}
