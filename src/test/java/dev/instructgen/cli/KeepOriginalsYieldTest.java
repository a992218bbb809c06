package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.instructgen.dataset.JsonCodec;
import org.junit.jupiter.api.AfterEach;
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
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17 #16: with --keep-originals the originals are accepted without being proposed; the progress line
 * showed a yield past 100% while stats said otherwise. Both now print the one yield.
 */
class KeepOriginalsYieldTest {

    @TempDir
    Path dir;

    private WireMockServer server;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        new EvolTeacherStubs(server).defaults();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void theKeptOriginalsCarryTheirSeedLicenseAloneAndTheEvolvedOnesTheTeachersTermsToo() throws IOException {
        Path input = writeSeeds();
        Path run = dir.resolve("run");
        StringWriter err = new StringWriter();

        int exit = InstructgenCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("evol-instruct", "--input", input.toString(), "--out", run.toString(), "--teacher-url",
                        server.baseUrl() + "/v1", "--model", "llama3.1:8b", "--timeout", "5s", "--rounds", "1",
                        "--keep-originals");

        assertThat(exit).as(err.toString()).isZero();
        List<JsonNode> originals = new ArrayList<>();
        List<JsonNode> evolved = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("examples.jsonl"))) {
            JsonNode e = JsonCodec.mapper().readTree(line);
            (e.path("method").asText().equals("seed") ? originals : evolved).add(e);
        }
        assertThat(originals).hasSize(3).allSatisfy(e -> {
            assertThat(e.path("provenance").path("teacher").isNull() || e.path("provenance").path("teacher")
                    .isMissingNode()).isTrue();
            JsonNode license = e.path("license");
            assertThat(license.path("license").asText()).isEqualTo("CC0-1.0");
            assertThat(license.path("sources")).singleElement()
                    .satisfies(s -> assertThat(s.path("kind").asText()).isEqualTo("seed"));
            assertThat(license.path("restrictions")).isEmpty(); // CC0 carries none; the teacher's terms would
        });
        assertThat(evolved).isNotEmpty().allSatisfy(e -> assertThat(e.path("license").path("sources").toString())
                .contains("\"kind\":\"teacher\""));
    }

    private Path writeSeeds() throws IOException {
        Path input = dir.resolve("seed_tasks.jsonl");
        List<String> lines = new ArrayList<>();
        String[] instructions = {"Describe how bees make honey.", "List three uses of copper.",
                "Explain why leaves change colour."};
        for (int i = 0; i < instructions.length; i++) {
            var task = JsonCodec.mapper().createObjectNode();
            task.put("id", "seed_task_" + i).put("name", "task" + i).put("instruction", instructions[i]);
            task.putArray("instances").addObject().put("input", "").put("output", "Answer " + i + ".");
            task.put("is_classification", false);
            lines.add(task.toString());
        }
        Files.write(input, lines);
        Files.writeString(dir.resolve("seed_tasks.jsonl.license"), "CC0-1.0\n");
        return input;
    }

    @Test
    void theProgressLineShowsTheYieldTheStatsCommandPrints() throws IOException {
        Path input = writeSeeds();
        Path run = dir.resolve("run");
        StringWriter err = new StringWriter();

        int exit = InstructgenCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("evol-instruct", "--input", input.toString(), "--out", run.toString(), "--teacher-url",
                        server.baseUrl() + "/v1", "--model", "evol-test", "--timeout", "5s", "--rounds", "1",
                        "--keep-originals");

        assertThat(exit).as(err.toString()).isZero();
        Matcher shown = Pattern.compile("yield ([0-9.]+)%").matcher(err.toString());
        assertThat(shown.find()).as(err.toString()).isTrue();
        StringWriter json = new StringWriter();
        InstructgenCommand.commandLine(new PrintWriter(json), new PrintWriter(new StringWriter()))
                .execute("stats", run.toString(), "--json");
        JsonNode stats = JsonCodec.mapper().readTree(json.toString());
        assertThat(Double.parseDouble(shown.group(1))).isLessThanOrEqualTo(100.0);
        assertThat(shown.group(1)).isEqualTo(String.format(Locale.ROOT, "%.1f", 100 * stats.get("yield").asDouble()));
    }
}
