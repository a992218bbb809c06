package dev.instructgen.bench;

import dev.instructgen.cli.InstructgenCommand;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.FakeTeacherServer.Fault;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput under server errors (docs/benchmarks.md, "Throughput under server errors"). Runs only when asked:
 * {@code mvn -B -o test -Dtest=ErrorRateBenchmark -Dinstructgen.benchmark=true}; writes its table to
 * {@code target/benchmarks/error-rates.md}.
 *
 * <p>The real {@code self-instruct} command, {@code --target 300 --concurrency 32}, against
 * {@link FakeTeacherServer} answering after 100 ms, with a share p of requests (drawn from a fixed seed per
 * request number) answered HTTP 500 instead. Every failed attempt is retried after the documented backoff, so
 * the best a client can do is the fault-free rate times (1 - p): the table compares each run with that.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "instructgen.benchmark", matches = "true")
class ErrorRateBenchmark {

    private static final int TARGET = 300;
    private static final int CONCURRENCY = 32;
    private static final Duration LATENCY = Duration.ofMillis(100);

    @TempDir
    Path dir;

    private record Result(double seconds, long requests, long serverErrors, long accepted) {
    }

    @Test
    void throughputAtServerErrorRates() throws IOException {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Java %s, %d processors, load average %.1f at start; "
                        + "self-instruct --target %d --concurrency %d, %d ms per request%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), TARGET, CONCURRENCY,
                LATENCY.toMillis()));
        report.append("| HTTP 500 share p | seconds | examples/s | relative to p = 0 | ideal (1 - p) | "
                + "share of ideal | requests | of which 500 |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        double base = 0;
        for (double p : new double[] {0.0, 0.1, 0.2, 0.3}) {
            Result r = run(p);
            double rate = r.accepted / r.seconds;
            if (p == 0.0) {
                base = rate;
            }
            double relative = rate / base;
            report.append(String.format(Locale.ROOT, "| %.0f%% | %.1f | %.1f | %.2f | %.2f | %.0f%% | %d | %d |%n",
                    100 * p, r.seconds, rate, relative, 1 - p, 100 * relative / (1 - p), r.requests, r.serverErrors));
            assertThat(r.accepted).isEqualTo(TARGET);
        }
        Path out = Path.of("target", "benchmarks", "error-rates.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private Result run(double p) throws IOException {
        String name = "p" + Math.round(100 * p);
        try (FakeTeacherServer teacher = FakeTeacherServer.start(new SyntheticSelfInstructTeacher(11, 6), LATENCY,
                2 * CONCURRENCY)) {
            long[] errors = {0};
            teacher.injectFaults(n -> {
                boolean fail = new SplittableRandom(n * 0x9E3779B97F4A7C15L).nextDouble() < p;
                if (fail) {
                    synchronized (errors) {
                        errors[0]++;
                    }
                }
                return fail ? Fault.SERVER_ERROR : Fault.NONE;
            });
            StringWriter err = new StringWriter();
            long started = System.nanoTime();
            int exit = InstructgenCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                    .execute("self-instruct", "--seeds", "seeds/seed_tasks.jsonl",
                            "--teacher-url", teacher.openAiUrl(), "--model", "bench-model",
                            "--concurrency", String.valueOf(CONCURRENCY), "--target", String.valueOf(TARGET),
                            "--out", dir.resolve(name).toString());
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(exit).as(err.toString()).isZero();
            var stats = JsonCodec.mapper().readTree(dir.resolve(name).resolve("stats.json").toFile());
            synchronized (errors) {
                return new Result(seconds, teacher.requestCount(), errors[0], stats.path("accepted").asLong());
            }
        }
    }
}
