package dev.instructgen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.cli.InstructgenCommand;
import dev.instructgen.method.alpaca.SyntheticAlpacaTeacher;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prompt and completion tokens per accepted example, alpaca against self-instruct, in one run on the same
 * loopback fake (docs/benchmarks.md, "Tokens per example"). The fake bills ~4 characters per token for prompt and
 * reply alike, so the figures compare prompt sizes and batch yields, not a real model's verbosity. Runs only when
 * asked: {@code mvn -B -o test -Dtest=TokensPerExampleBenchmark -Dinstructgen.benchmark=true}; writes its table to
 * {@code target/benchmarks/tokens-per-example.md}.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "instructgen.benchmark", matches = "true")
class TokensPerExampleBenchmark {

    private static final int TARGET = 500;

    @TempDir
    Path dir;

    record Row(String method, long requests, long prompt, long completion, long accepted) {
        String format() {
            return String.format(Locale.ROOT, "| `%s` | %d | %d | %d | %.1f | %.1f |", method, accepted, requests,
                    prompt + completion, (double) prompt / accepted, (double) completion / accepted);
        }
    }

    @Test
    void alpacaSpendsAtMostAThirdOfSelfInstructsPromptTokensPerExample() throws Exception {
        Row selfInstruct = run("self-instruct", new SyntheticSelfInstructTeacher(7, 7, 0.1));
        Row alpaca = run("alpaca", new SyntheticAlpacaTeacher(7, 0.1));
        String table = String.join("\n",
                "| method | accepted | requests | tokens | prompt tokens / example | completion tokens / example |",
                "|---|---|---|---|---|---|", selfInstruct.format(), alpaca.format(), "");
        Path file = Path.of("target", "benchmarks", "tokens-per-example.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table);
        System.out.println(table);
        double ratio = ((double) alpaca.prompt() / alpaca.accepted())
                / ((double) selfInstruct.prompt() / selfInstruct.accepted());
        assertThat(ratio).as("alpaca's prompt tokens per example over self-instruct's").isLessThanOrEqualTo(1.0 / 3);
    }

    private Row run(String command, Function<String, String> fake) throws Exception {
        Path out = dir.resolve(command);
        StringWriter err = new StringWriter();
        try (FakeTeacherServer teacher = FakeTeacherServer.start(fake, Duration.ZERO, 8).serving("bench")) {
            int exit = InstructgenCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                    .execute(command, "--seeds", "seeds/seed_tasks.jsonl", "--teacher-url", teacher.openAiUrl(),
                            "--model", "bench", "--api-key-env", "INSTRUCTGEN_TEST_NO_SUCH_KEY",
                            "--concurrency", "4", "--target", String.valueOf(TARGET), "--out", out.toString());
            assertThat(exit).as(err.toString()).isZero();
            JsonNode stats = new ObjectMapper().readTree(out.resolve("stats.json").toFile());
            return new Row(command, teacher.requestCount(), stats.path("tokens").path("prompt").asLong(),
                    stats.path("tokens").path("completion").asLong(), stats.path("accepted").asLong());
        }
    }
}
