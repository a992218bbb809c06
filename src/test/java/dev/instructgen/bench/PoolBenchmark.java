package dev.instructgen.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.cli.InstructgenCommand;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.teacher.PoolEndpoint;
import dev.instructgen.teacher.Sampling;
import dev.instructgen.teacher.TeacherApi;
import dev.instructgen.teacher.TeacherClient;
import dev.instructgen.teacher.TeacherMetrics;
import dev.instructgen.teacher.TeacherRequest;
import dev.instructgen.teacher.TeacherSettings;
import dev.instructgen.teacher.stack.TeacherStack;
import dev.instructgen.testing.FakeTeacherServer;
import dev.instructgen.testing.SyntheticSelfInstructTeacher;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pool of endpoints (docs/benchmarks.md, "A pool of endpoints"). Runs only when asked:
 * {@code mvn -B -o test -Dtest=PoolBenchmark -Dinstructgen.benchmark=true}; table in
 * {@code target/benchmarks/pool.md}.
 *
 * <p>Three loopback fakes answering after 50, 100 and 200 ms, each with {@link #SLOTS} handler threads and the
 * same {@code max-concurrency}, so an endpoint serves at most 16 requests at once: its capacity is
 * max-concurrency / latency (320, 160 and 80 requests/s, 560 together). In one run, side by side: each endpoint
 * alone through the teacher stack at its max-concurrency, then the pool of the three at concurrency 48, both for
 * the same measured window after a warm-up; then the real {@code self-instruct --concurrency 48} over the pool
 * with the 50 ms endpoint closed a few seconds in and started again on its port a few seconds later.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "instructgen.benchmark", matches = "true")
class PoolBenchmark {

    private static final int[] LATENCIES_MS = {50, 100, 200};
    private static final int SLOTS = 16;
    private static final int CONCURRENCY = 48;
    private static final Duration WARM_UP = Duration.ofSeconds(2);
    private static final Duration MEASURED = Duration.ofSeconds(8);
    /** The 50 ms endpoint is closed once the fakes have answered this many requests (the run is under way)... */
    private static final long KILL_AFTER_REQUESTS = 1500;
    /** ... and started again on its port this many seconds later. */
    private static final int DOWN_SECONDS = 5;

    @TempDir
    Path dir;

    @Test
    void poolKeepsThreeReplicasBusyAndSurvivesOneDying() throws Exception {
        double capacity = 0;
        for (int ms : LATENCIES_MS) {
            capacity += SLOTS * 1000.0 / ms;
        }
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Java %s, %d processors, load average %.1f at start%n%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage()));

        List<FakeTeacherServer> fakes = start(0, 0, 0);
        try {
            drive(fakes, CONCURRENCY, WARM_UP.multipliedBy(3)); // JIT and connections, not counted
            report.append("| round | measured | concurrency | requests/s | capacity (max-concurrency / latency) "
                    + "| of capacity | mean in flight | mean latency on the wire (ms) | process CPU (cores) "
                    + "| load average after |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            // two rounds, each endpoint alone and then the pool: the first still pays for JIT compilation, which
            // runs on the same two cores, so the second is the one compared
            double aloneSum = 0;
            Measured pool = null;
            for (int round = 1; round <= 2; round++) {
                aloneSum = 0;
                for (int i = 0; i < fakes.size(); i++) {
                    Measured alone = drive(List.of(fakes.get(i)), SLOTS, MEASURED);
                    aloneSum += alone.rate;
                    report.append("| ").append(round).append(' ')
                            .append(alone.row(LATENCIES_MS[i] + " ms endpoint alone", SLOTS,
                                    SLOTS * 1000.0 / LATENCIES_MS[i]));
                }
                pool = drive(fakes, CONCURRENCY, MEASURED);
                report.append("| ").append(round).append(' ').append(pool.row("pool of the three", CONCURRENCY,
                        capacity));
            }
            report.append(String.format(Locale.ROOT, "%nPool (round 2): %.0f requests/s = %.1f%% of the capacity %.0f, "
                            + "%.1f%% of the sum of the three measured alone in the same round (%.0f).%n%n", pool.rate,
                    100 * pool.rate / capacity, capacity, 100 * pool.rate / aloneSum, aloneSum));

            fakes.forEach(FakeTeacherServer::close);
            fakes = start(0, 0, 0);
            Run killed = run("killed", 2500, fakes);
            report.append("self-instruct --concurrency 48 over the pool, target 2,500, the 50 ms endpoint closed at "
                    + killed.killedAt + " s (after " + KILL_AFTER_REQUESTS + " requests) and started again on its port "
                    + DOWN_SECONDS + " s later: exit " + killed.exit
                    + ", " + killed.accepted + " accepted, " + killed.failed + " failed requests, "
                    + killed.retried + " attempts failed over or retried, "
                    + String.format(Locale.ROOT, "%.1f s, %.0f requests/s over the whole run", killed.seconds,
                    killed.rate) + ".\n\nPer-endpoint share of the chat requests each second:\n\n"
                    + "| second | 50 ms | 100 ms | 200 ms | requests |\n|---:|---:|---:|---:|---:|\n");
            for (int s = 0; s < killed.shares.size(); s++) {
                double[] share = killed.shares.get(s);
                report.append(String.format(Locale.ROOT, "| %d | %.0f%% | %.0f%% | %.0f%% | %d |%n", s + 1,
                        100 * share[0], 100 * share[1], 100 * share[2], killed.totals.get(s)));
            }
            report.append("\nendpoints section of stats.json at the end:\n\n```json\n")
                    .append(killed.endpoints.toPrettyString()).append("\n```\n");
            Path out = Path.of("target", "benchmarks", "pool.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
            assertThat(killed.exit).as(killed.err).isZero();
            assertThat(killed.accepted).isEqualTo(2500);
            assertThat(killed.failed).isZero();
        } finally {
            fakes.forEach(FakeTeacherServer::close);
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private record Measured(double rate, double inFlight, double latencyMs, double cpuCores, double loadAfter) {

        String row(String what, int concurrency, double capacity) {
            return String.format(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.1f%% | %.1f | %.1f | %.2f | %.1f |%n", what,
                    concurrency, rate, capacity, 100 * rate / capacity, inFlight, latencyMs, cpuCores, loadAfter);
        }
    }

    /** Attempts on the wire (the metered layer's callbacks): how many at once, and how long each took. */
    private static final class WireMetrics implements TeacherMetrics {
        final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
        final AtomicLong ended = new AtomicLong();
        final AtomicLong latencyNanos = new AtomicLong();

        @Override
        public void onSuccess(String stage, dev.instructgen.teacher.TeacherReply reply) {
        }

        @Override
        public void onFault(String stage, dev.instructgen.teacher.FaultKind kind, boolean willRetry) {
        }

        @Override
        public void onAttempt(String stage) {
            inFlight.incrementAndGet();
        }

        @Override
        public void onAttemptEnd(String stage, Duration latency) {
            inFlight.decrementAndGet();
            ended.incrementAndGet();
            latencyNanos.addAndGet(latency.toNanos());
        }
    }

    /**
     * The teacher stack over {@code fakes} (a pool when more than one, each endpoint at max-concurrency
     * {@link #SLOTS}), driven by {@code threads} threads; requests answered in the measured window after the
     * warm-up, divided by its length.
     */
    private static Measured drive(List<FakeTeacherServer> fakes, int threads, Duration measured) throws Exception {
        List<PoolEndpoint> endpoints = fakes.stream().map(f -> new PoolEndpoint(URI.create(f.openAiUrl()), 1, SLOTS,
                TeacherApi.OPENAI, "bench-model")).toList();
        TeacherSettings settings = new TeacherSettings(TeacherApi.OPENAI, endpoints.get(0).url(), "bench-model",
                "NONE", threads, Duration.ofSeconds(30), 0, 0, Duration.ofMinutes(1)).withPool(endpoints);
        AtomicLong counted = new AtomicLong();
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        WireMetrics wire = new WireMetrics();
        try (TeacherClient teacher = TeacherStack.build(settings, wire, name -> null)) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    while (!stop.get()) {
                        teacher.complete(TeacherRequest.ofUserPrompt("bench", "Come up with a series of tasks:",
                                Sampling.greedy(64)));
                        if (counting.get()) {
                            counted.incrementAndGet();
                        }
                    }
                });
                worker.start();
                workers.add(worker);
            }
            Thread.sleep(WARM_UP.toMillis());
            long cpu = processCpuNanos();
            long start = System.nanoTime();
            long endedBefore = wire.ended.get();
            long latencyBefore = wire.latencyNanos.get();
            counting.set(true);
            long inFlightSum = 0;
            int samples = 0;
            long until = start + measured.toNanos();
            while (System.nanoTime() < until) {
                Thread.sleep(20);
                inFlightSum += wire.inFlight.get();
                samples++;
            }
            counting.set(false);
            double seconds = (System.nanoTime() - start) / 1e9;
            long ended = wire.ended.get() - endedBefore;
            double latencyMs = ended == 0 ? 0 : (wire.latencyNanos.get() - latencyBefore) / 1e6 / ended;
            double cores = (processCpuNanos() - cpu) / 1e9 / seconds;
            stop.set(true);
            for (Thread worker : workers) {
                worker.join();
            }
            return new Measured(counted.get() / seconds, samples == 0 ? 0 : (double) inFlightSum / samples, latencyMs,
                    cores, loadAverage());
        }
    }

    private List<FakeTeacherServer> start(int... ports) throws IOException {
        List<FakeTeacherServer> fakes = new ArrayList<>();
        for (int i = 0; i < LATENCIES_MS.length; i++) {
            fakes.add(fake(i, ports[i]));
        }
        return fakes;
    }

    private static FakeTeacherServer fake(int i, int port) throws IOException {
        return FakeTeacherServer.start(new SyntheticSelfInstructTeacher(11 + i, 6),
                Duration.ofMillis(LATENCIES_MS[i]), SLOTS, port);
    }

    private record Run(int exit, String err, long accepted, long failed, long retried, double seconds, double rate,
                       List<double[]> shares, List<Long> totals, JsonNode endpoints, int killedAt) {
    }

    /** Runs the command over the pool, sampling the fakes' request counts every second; bounces the first fake. */
    private Run run(String name, int target, List<FakeTeacherServer> fakes) throws Exception {
        Path config = dir.resolve(name + ".yaml");
        StringBuilder teachers = new StringBuilder("teachers:\n");
        fakes.forEach(f -> teachers.append("  - {url: '").append(f.openAiUrl()).append("', max-concurrency: ")
                .append(SLOTS).append("}\n"));
        Files.writeString(config, teachers);
        List<String> args = List.of("self-instruct", "--config", config.toString(), "--seeds",
                "seeds/seed_tasks.jsonl", "--model", "bench-model", "--concurrency", String.valueOf(CONCURRENCY),
                "--target", String.valueOf(target), "--out", dir.resolve(name).toString(), "--patience", "60s");
        StringWriter err = new StringWriter();
        long started = System.nanoTime();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> InstructgenCommand.commandLine(
                new PrintWriter(new StringWriter()), new PrintWriter(err)).execute(args.toArray(String[]::new)));
        List<long[]> samples = new ArrayList<>();
        long[] last = new long[fakes.size()];
        int port = URI.create(fakes.get(0).openAiUrl()).getPort();
        int second = 0;
        int killedAt = -1;
        while (!exit.isDone()) {
            Thread.sleep(1000);
            second++;
            long[] now = fakes.stream().mapToLong(FakeTeacherServer::requestCount).toArray();
            long[] delta = new long[now.length];
            for (int i = 0; i < now.length; i++) {
                delta[i] = Math.max(0, now[i] - last[i]);
            }
            samples.add(delta);
            last = now;
            if (killedAt < 0 && Arrays.stream(now).sum() >= KILL_AFTER_REQUESTS) {
                fakes.get(0).close(); // requests in flight on it fail; its count stays until the restart
                killedAt = second;
            } else if (killedAt > 0 && second == killedAt + DOWN_SECONDS) {
                fakes.set(0, fake(0, port));
                last[0] = 0;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        JsonNode stats = JsonCodec.mapper().readTree(dir.resolve(name).resolve("stats.json").toFile());
        List<double[]> shares = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (long[] delta : samples) {
            long sum = Arrays.stream(delta).sum();
            double[] share = new double[delta.length];
            for (int i = 0; i < delta.length; i++) {
                share[i] = sum == 0 ? 0 : (double) delta[i] / sum;
            }
            shares.add(share);
            totals.add(sum);
        }
        return new Run(exit.get(), err.toString(), stats.path("accepted").asLong(),
                stats.path("requests").path("failed").asLong(), stats.path("requests").path("retries").asLong(),
                seconds, stats.path("requests").path("total").asLong() / seconds, shares, totals,
                stats.path("endpoints"), killedAt);
    }
}
