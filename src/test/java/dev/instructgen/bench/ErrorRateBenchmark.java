package dev.instructgen.bench;

import dev.instructgen.cli.InstructgenCommand;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.FakeTeacherServer.Fault;
import dev.instructgen.testing.SyntheticEvolTeacher;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throughput under server errors (docs/benchmarks.md, "Throughput under server errors"). Runs only when asked:
 * {@code mvn -B -o test -Dtest=ErrorRateBenchmark -Dinstructgen.benchmark=true}; writes its table to
 * {@code target/benchmarks/error-rates.md}.
 *
 * <p>The real {@code self-instruct} command, {@code --target 300 --concurrency 32}, against
 * {@link FakeTeacherServer} answering after 100 ms, with a share p of requests (drawn from a fixed seed per
 * request number) answered HTTP 500 instead; then a 30% mix of every retriable fault kind, and
 * {@code evol-instruct} without and with 30% HTTP 500. Every failed attempt is retried after the documented backoff, so
 * the best a client can do is the fault-free rate times (1 - p): the table compares each run with that.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "instructgen.benchmark", matches = "true")
class ErrorRateBenchmark {

    private static final int TARGET = 300;
    private static final int EVOL_TARGET = 150;
    private static final int CONCURRENCY = 32;
    private static final Duration LATENCY = Duration.ofMillis(100);
    /** The "mix of all kinds": faults a real server gives, each an equal share of the faulty requests. */
    private static final Fault[] MIX = {Fault.SERVER_ERROR, Fault.UNAVAILABLE, Fault.RATE_LIMITED,
        Fault.INVALID_JSON, Fault.EMPTY_CONTENT, Fault.CONNECTION_DROPPED};
    /** The mix without 429, which asks the client to slow down (the adaptive limiter halves its slots). */
    private static final Fault[] MIX_WITHOUT_429 = {Fault.SERVER_ERROR, Fault.UNAVAILABLE, Fault.INVALID_JSON,
        Fault.EMPTY_CONTENT, Fault.CONNECTION_DROPPED};

    @TempDir
    Path dir;

    /** @param seconds95 from the session's start to the example that reached 95% of the target */
    private record Result(double seconds, double seconds95, long requests, long faulty, long accepted) {
    }

    /** One row: a command at a share p of faulty requests, HTTP 500 alone or drawn evenly from {@code kinds}. */
    private record Scenario(String method, double p, Fault[] kinds, String kindsLabel) {
        Scenario(String method, double p) {
            this(method, p, new Fault[] {Fault.SERVER_ERROR}, "HTTP 500");
        }

        String label() {
            return method + ", " + Math.round(100 * p) + "% " + kindsLabel;
        }

        String dirName() {
            return method + "-p" + Math.round(100 * p) + "-" + kindsLabel.replaceAll("[^A-Za-z0-9]+", "-");
        }
    }

    @Test
    void throughputAtServerErrorRates() throws IOException {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Java %s, %d processors, load average %.1f at start; "
                        + "--concurrency %d, %d ms per request; self-instruct --target %d, "
                        + "evol-instruct --rounds 1 --target %d%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), CONCURRENCY,
                LATENCY.toMillis(), TARGET, EVOL_TARGET));
        report.append("| run | seconds | examples/s | relative to p = 0 | ideal (1 - p) | share of ideal "
                + "| to 95%: s | to 95%: share of ideal | requests | of which faulty |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        run(new Scenario("self-instruct", 0.0), "warm-up"); // the JIT and the first sockets, not reported
        List<Scenario> scenarios = List.of(new Scenario("self-instruct", 0.0), new Scenario("self-instruct", 0.1),
                new Scenario("self-instruct", 0.2), new Scenario("self-instruct", 0.3),
                new Scenario("self-instruct", 0.3, MIX, "mix of all kinds"),
                new Scenario("self-instruct", 0.3, MIX_WITHOUT_429, "mix without 429"),
                new Scenario("evol-instruct", 0.0), new Scenario("evol-instruct", 0.3));
        Map<String, double[]> base = new HashMap<>();
        for (Scenario scenario : scenarios) {
            Result r = run(scenario, "");
            double rate = r.accepted / r.seconds;
            double rate95 = 1 / r.seconds95;
            base.putIfAbsent(scenario.method(), new double[] {rate, rate95});
            double relative = rate / base.get(scenario.method())[0];
            double relative95 = rate95 / base.get(scenario.method())[1];
            double p = scenario.p();
            report.append(String.format(Locale.ROOT,
                    "| %s | %.1f | %.1f | %.2f | %.2f | %.0f%% | %.1f | %.0f%% | %d | %d |%n",
                    scenario.label(), r.seconds, rate, relative, 1 - p, 100 * relative / (1 - p), r.seconds95,
                    100 * relative95 / (1 - p), r.requests, r.faulty));
            assertThat(r.accepted).isEqualTo(scenario.method().equals("self-instruct") ? TARGET : EVOL_TARGET);
        }
        report.append(String.format(Locale.ROOT, "%nload average %.1f at the end%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        Path out = Path.of("target", "benchmarks", "error-rates.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private Result run(Scenario scenario, String prefix) throws IOException {
        String name = prefix + scenario.dirName();
        boolean evol = scenario.method().equals("evol-instruct");
        Function<String, String> responder = evol ? new SyntheticEvolTeacher(7, 0.0)
                : new SyntheticSelfInstructTeacher(11, 6);
        try (FakeTeacherServer teacher = FakeTeacherServer.start(responder, LATENCY, 2 * CONCURRENCY)) {
            long[] faulty = {0};
            teacher.injectFaults(n -> {
                SplittableRandom draw = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
                boolean fail = draw.nextDouble() < scenario.p();
                if (!fail) {
                    return Fault.NONE;
                }
                synchronized (faulty) {
                    faulty[0]++;
                }
                return scenario.kinds()[draw.nextInt(scenario.kinds().length)];
            });
            List<String> args = new ArrayList<>(evol
                    ? List.of("evol-instruct", "--input", "seeds/seed_tasks.jsonl", "--rounds", "1",
                            "--target", String.valueOf(EVOL_TARGET))
                    : List.of("self-instruct", "--seeds", "seeds/seed_tasks.jsonl",
                            "--target", String.valueOf(TARGET)));
            args.addAll(List.of("--teacher-url", teacher.openAiUrl(), "--model", "bench-model",
                    "--concurrency", String.valueOf(CONCURRENCY), "--out", dir.resolve(name).toString()));
            StringWriter err = new StringWriter();
            long started = System.nanoTime();
            int exit = InstructgenCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                    .execute(args.toArray(String[]::new));
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(exit).as(err.toString()).isZero();
            var stats = JsonCodec.mapper().readTree(dir.resolve(name).resolve("stats.json").toFile());
            synchronized (faulty) {
                return new Result(seconds, secondsTo95(dir.resolve(name)), teacher.requestCount(), faulty[0],
                        stats.path("accepted").asLong());
            }
        }
    }

    /**
     * Seconds from the session's start (usage.jsonl) to the example that reached 95% of the target
     * (examples.jsonl's created_at): the body of the run without the tail of the last few examples.
     */
    private static double secondsTo95(Path run) throws IOException {
        String first = Files.readAllLines(run.resolve("usage.jsonl")).get(0);
        Instant start = Instant.parse(JsonCodec.mapper().readTree(first).path("at").asText());
        List<Instant> accepted = new ArrayList<>();
        for (String line : Files.readAllLines(run.resolve("examples.jsonl"))) {
            accepted.add(Instant.parse(JsonCodec.mapper().readTree(line).path("provenance").path("created_at")
                    .asText()));
        }
        accepted.sort(null);
        Instant at95 = accepted.get((int) Math.ceil(0.95 * accepted.size()) - 1);
        return Duration.between(start, at95).toNanos() / 1e9;
    }
}
