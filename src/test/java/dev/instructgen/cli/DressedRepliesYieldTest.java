package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.testing.DressingTeacher;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticEvolTeacher;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
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
import java.util.Locale;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11's measurement through the real CLI: each method runs twice with the same seed against the same
 * synthetic teacher, once answering plainly and once dressed the way chat models dress their replies
 * ({@link DressingTeacher}). The dressed run must keep at least 90% of the plain run's yield, and no dressing
 * may reach any field of any example. One request at a time, so both runs see the same sequence of prompts.
 */
class DressedRepliesYieldTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SEEDS = Path.of("seeds", "seed_tasks.jsonl");

    @TempDir
    Path dir;

    @Test
    void selfInstructKeepsItsYieldAndNoDressingOnDressedReplies() throws IOException {
        Run plain = selfInstruct("plain", new SyntheticSelfInstructTeacher(5, 7));
        Run dressed = selfInstruct("dressed", new DressingTeacher(new SyntheticSelfInstructTeacher(5, 7)));

        report("self-instruct", plain, dressed);
        assertThat(dressed.yield()).isGreaterThanOrEqualTo(0.9 * plain.yield());
        assertThat(dressed.examples()).hasSize(plain.examples().size());
        assertNoDressing(dressed.examples());
    }

    @Test
    void evolInstructKeepsItsYieldAndNoDressingOnDressedReplies() throws IOException {
        Run plain = evol("plain", new SyntheticEvolTeacher(9, 0.2));
        Run dressed = evol("dressed", new DressingTeacher(new SyntheticEvolTeacher(9, 0.2)));

        report("evol-instruct", plain, dressed);
        assertThat(dressed.yield()).isGreaterThanOrEqualTo(0.9 * plain.yield());
        assertNoDressing(dressed.examples());
        assertThat(dressed.stats().path("evolution").path("judge_unclear").asLong()).isZero();
    }

    /** Accepted examples per teacher request, and what was written. */
    private record Run(double yield, List<JsonNode> examples, JsonNode stats) {
    }

    private Run selfInstruct(String name, Function<String, String> teacher) throws IOException {
        return run(name, teacher, "self-instruct", "--seeds", SEEDS.toString(), "--target", "25");
    }

    private Run evol(String name, Function<String, String> teacher) throws IOException {
        return run(name, teacher, "evol-instruct", "--input", SEEDS.toString(), "--rounds", "1", "--target", "40");
    }

    private Run run(String name, Function<String, String> responder, String... command) throws IOException {
        Path out = dir.resolve(name);
        try (FakeTeacherServer teacher = FakeTeacherServer.start(responder, Duration.ZERO, 2)) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--out", out.toString(), "--teacher-url", teacher.openAiUrl(), "--model", "dressed",
                    "--concurrency", "1", "--random-seed", "7", "--timeout", "10s"));
            StringWriter err = new StringWriter();
            int exit = InstructgenCommand.commandLine(new PrintWriter(new StringWriter(), true),
                    new PrintWriter(err, true)).execute(args.toArray(String[]::new));
            assertThat(exit).as(err.toString()).isZero();
        }
        JsonNode stats = JSON.readTree(out.resolve("stats.json").toFile());
        List<JsonNode> examples = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("examples.jsonl"))) {
            examples.add(JSON.readTree(line));
        }
        double yield = (double) stats.path("accepted").asLong() / stats.path("requests").path("total").asLong();
        return new Run(yield, examples, stats);
    }

    private static void assertNoDressing(List<JsonNode> examples) {
        assertThat(examples).isNotEmpty().allSatisfy(e -> {
            for (String field : List.of("instruction", "input", "output")) {
                String text = e.path(field).asText();
                for (String marker : DressingTeacher.MARKERS) {
                    assertThat(text).as(e.path("id").asText() + " " + field).doesNotContain(marker);
                }
            }
        });
    }

    private static void report(String method, Run plain, Run dressed) {
        System.out.printf(Locale.ROOT, "%s yield (examples per request): plain %.3f, dressed %.3f (%.0f%%)%n",
                method, plain.yield(), dressed.yield(), 100 * dressed.yield() / plain.yield());
    }
}
