package dev.instructgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Prompt-cache-aware cost (docs/teacher.md, "Cost"), through the real command against a fake that caches. */
class CachedTokenCostTest {

    @TempDir
    Path dir;

    @Test
    void cachedPromptTokensAreCountedAndPricedAtTheCachedRate() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, "prices:\n  cache-model: {input: 100.0, output: 400.0, cached_input: 25.0}\n");
        StringWriter err = new StringWriter();
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(5, 6),
                Duration.ZERO, 2).cachingPrefixes()) {
            int exit = InstructgenCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                    .execute("self-instruct", "--config", config.toString(), "--seeds", "seeds/seed_tasks.jsonl",
                            "--teacher-url", teacher.openAiUrl(), "--model", "cache-model", "--concurrency", "1",
                            "--target", "20", "--out", dir.resolve("run").toString());
            assertThat(exit).as(err.toString()).isZero();

            long[] billed = teacher.billedTokens();
            long prompt = billed[0];
            long cached = billed[1];
            long completion = billed[2];
            // the hand computation: uncached prompt tokens at $100/M, cached at $25/M, completion at $400/M
            double expected = ((prompt - cached) * 100.0 + cached * 25.0 + completion * 400.0) / 1_000_000;

            JsonNode stats = JsonCodec.mapper().readTree(dir.resolve("run").resolve("stats.json").toFile());
            assertThat(cached).as("the repeated demonstration blocks were served from the cache").isPositive();
            assertThat(stats.path("tokens").path("prompt").asLong()).isEqualTo(prompt);
            assertThat(stats.path("tokens").path("cached").asLong()).isEqualTo(cached);
            assertThat(stats.path("tokens").path("completion").asLong()).isEqualTo(completion);
            assertThat(stats.path("cost_usd").asDouble()).isCloseTo(expected, within(1e-6));
            long journalled = 0;
            for (String line : Files.readAllLines(dir.resolve("run").resolve("usage.jsonl"))) {
                journalled += JsonCodec.mapper().readTree(line).path("cached_tokens").asLong();
            }
            assertThat(journalled).as("usage.jsonl, from which a resume rebuilds the counters").isEqualTo(cached);
            assertThat(expected).as("cheaper than pricing every prompt token in full")
                    .isLessThan((prompt * 100.0 + completion * 400.0) / 1_000_000);
        }
    }
}
