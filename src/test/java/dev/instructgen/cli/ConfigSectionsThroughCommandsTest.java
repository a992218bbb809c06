package dev.instructgen.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The config file's structured sections reach the generating commands (dry runs: no teacher needed). */
class ConfigSectionsThroughCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return InstructgenCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private Path config(String yaml) throws IOException {
        Path file = dir.resolve("instructgen.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void requireCommercialRefusesAModelWhoseTermsAreUnknown() {
        int exit = run("self-instruct", "--seeds", "seeds/seed_tasks.jsonl", "--model", "acme-internal-7b",
                "--target", "10", "--out", dir.resolve("run").toString(), "--require-commercial", "--dry-run");

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("acme-internal-7b");
    }

    @Test
    void teacherTermsFromTheConfigLetTheSameRunPassTheGate() throws IOException {
        Path file = config("""
                model: acme-internal-7b
                licensing:
                  teacher-terms:
                    - match: 'acme-internal'
                      name: Acme Internal Model License
                      url: https://acme.example/license
                      commercial_use: true
                """);

        int exit = run("self-instruct", "--config", file.toString(), "--seeds", "seeds/seed_tasks.jsonl",
                "--target", "10", "--out", dir.resolve("run").toString(), "--require-commercial", "--dry-run");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain("unknown");
    }

    @Test
    void aMisspeltFieldInATermsRuleIsABadInputNamingTheRule() throws IOException {
        Path file = config("""
                licensing:
                  teacher-terms:
                    - match: 'acme'
                      comercial_use: true
                """);

        int exit = run("evol-instruct", "--config", file.toString(), "--input", "seeds/seed_tasks.jsonl",
                "--model", "acme-1", "--out", dir.resolve("run").toString(), "--dry-run");

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("licensing.teacher-terms[0]").contains("comercial_use");
    }

    @Test
    void anUnknownKeyInsideLicensingIsNamed() throws IOException {
        Path file = config("licensing:\n  teacher_terms: []\n");

        int exit = run("self-instruct", "--config", file.toString(), "--seeds", "seeds/seed_tasks.jsonl",
                "--model", "m", "--target", "5", "--out", dir.resolve("run").toString(), "--dry-run");

        assertThat(exit).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString()).contains("licensing: unknown setting 'teacher_terms' (expected teacher-terms)");
    }
}
