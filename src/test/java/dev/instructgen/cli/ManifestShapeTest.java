package dev.instructgen.cli;

import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticEvolTeacher;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the bytes of manifest.json for both generating commands, as the code wrote them before the run lifecycle
 * was shared: a run directory made by an earlier version must resume, and a fresh run must write what it wrote.
 * Only what varies by machine and time (paths, port, run id, start time, version) is masked.
 */
class ManifestShapeTest {

    @TempDir
    Path dir;

    private FakeTeacherServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Path seeds() throws IOException {
        Path file = dir.resolve("seed_tasks.jsonl");
        List<String> lines = new ArrayList<>();
        String[] instructions = {"Name the capital of Peru.", "Give two synonyms for happy.",
                "Define photosynthesis in one sentence.", "Write a haiku about snow on a mountain."};
        for (int i = 0; i < instructions.length; i++) {
            lines.add("{\"id\":\"seed_task_" + i + "\",\"name\":\"t" + i + "\",\"instruction\":\"" + instructions[i]
                    + "\",\"instances\":[{\"input\":\"\",\"output\":\"Answer " + i + ".\"}],"
                    + "\"is_classification\":false}");
        }
        Files.write(file, lines);
        Files.writeString(dir.resolve("seed_tasks.jsonl.license"), "CC0-1.0\n");
        return file;
    }

    private String run(String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        assertThat(code).as(err.toString()).isZero();
        return masked(Files.readString(dir.resolve("run").resolve("manifest.json")));
    }

    private String masked(String manifest) {
        return manifest.replace(dir.toString(), "DIR")
                .replace(String.valueOf(server.openAiUrl().replaceAll(".*:(\\d+).*", "$1")), "PORT")
                .replaceAll("\"run_id\" : \"[^\"]*\"", "\"run_id\" : \"RUN\"")
                .replaceAll("\"started_at\" : \"[^\"]*\"", "\"started_at\" : \"TIME\"")
                .replaceAll("\"tool_version\" : \"[^\"]*\"", "\"tool_version\" : \"VERSION\"")
                // a template's hash changes with its wording, which is not the shape pinned here
                .replaceAll("(\"[\\w-]+/[\\w-]+\\.txt\" : )\"[0-9a-f]{64}\"", "$1\"HASH\"");
    }

    private static String expected(String name) throws IOException {
        try (var in = ManifestShapeTest.class.getResourceAsStream("/manifests/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void selfInstructWritesTheManifestItAlwaysWrote() throws IOException {
        server = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(7, 6), Duration.ZERO, 4);
        String manifest = run("self-instruct", "--seeds", seeds().toString(), "--out", dir.resolve("run").toString(),
                "--teacher-url", server.openAiUrl(), "--model", "pin-model", "--target", "3",
                "--random-seed", "5", "--max-cost", "2.5", "--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY");
        assertThat(manifest).isEqualTo(expected("self-instruct.json"));
    }

    @Test
    void evolInstructWritesTheManifestItAlwaysWrote() throws IOException {
        server = FakeTeacherServer.start(new SyntheticEvolTeacher(7, 0.0), Duration.ZERO, 4);
        String manifest = run("evol-instruct", "--input", seeds().toString(), "--out", dir.resolve("run").toString(),
                "--teacher-url", server.openAiUrl(), "--model", "pin-model", "--rounds", "1",
                "--random-seed", "5", "--rouge-threshold", "0.9", "--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY");
        assertThat(manifest).isEqualTo(expected("evol-instruct.json"));
    }

    @Test
    void aRunWhoseManifestListsTheTeacherInTheOtherOrderStillResumes() throws IOException {
        // Earlier versions wrote settings.teacher from Map.of, whose order changed from one JVM to the next.
        server = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(7, 6), Duration.ZERO, 4);
        String[] args = {"self-instruct", "--seeds", seeds().toString(), "--out", dir.resolve("run").toString(),
                "--teacher-url", server.openAiUrl(), "--model", "pin-model", "--target", "3",
                "--random-seed", "5", "--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY"};
        run(args);
        Path manifest = dir.resolve("run").resolve("manifest.json");
        String swapped = Files.readString(manifest).replace(
                "    \"teacher\" : {\n      \"api\" : \"openai\",\n      \"model\" : \"pin-model\"\n    }",
                "    \"teacher\" : {\n      \"model\" : \"pin-model\",\n      \"api\" : \"openai\"\n    }");
        assertThat(swapped).isNotEqualTo(Files.readString(manifest));
        Files.writeString(manifest, swapped);

        StringWriter err = new StringWriter();
        int code = InstructgenCommand.commandLine(new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true)).execute(args);

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).contains("resuming run");
    }
}
