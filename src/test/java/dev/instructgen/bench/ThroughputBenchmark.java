package dev.instructgen.bench;

import dev.instructgen.cli.InstructgenCommand;
import dev.instructgen.dataset.JsonCodec;
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
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engine throughput and memory (docs/benchmarks.md, "Engine throughput"). Runs only when asked:
 * {@code mvn -B -o test -Dtest=ThroughputBenchmark -Dinstructgen.benchmark=true}; writes its table to
 * {@code target/benchmarks/throughput.md}.
 *
 * <p>Drives the real {@code self-instruct} command in this JVM against {@link FakeTeacherServer} on loopback:
 * (1) with 200 ms per request at concurrency 32 and 64, achieved requests/s over the whole run against the ideal
 * concurrency / latency; (2) with no latency at concurrency 64, accepted examples/s of the whole process (the
 * fake's CPU included, it runs in this JVM), CPU time per accepted example for the whole process and for the
 * generator alone (process CPU minus the fake's handler threads); (3) a 50,000-example run inside the 1 GiB heap
 * that surefire gives this JVM, with the largest heap in use right after a collection.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "instructgen.benchmark", matches = "true")
class ThroughputBenchmark {

    @TempDir
    Path dir;

    private record RunResult(int exit, double seconds, long requests, long accepted, double processCpuSeconds,
                             double fakeCpuSeconds, long peakHeapAfterGcBytes) {
    }

    @Test
    void throughput() throws IOException {
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "Java %s, %d processors, max heap %d MB, load average %.1f at start%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));

        report.append("Latency-bound runs (200 ms per request):\n\n"
                + "| concurrency | target | seconds | requests/s | ideal (c / 0.2 s) | ratio |\n"
                + "|---:|---:|---:|---:|---:|---:|\n");
        for (int concurrency : new int[] {32, 64}) {
            int target = concurrency * 150;
            RunResult r = run("latency-" + concurrency, Duration.ofMillis(200), concurrency, target);
            double rps = r.requests / r.seconds;
            double ideal = concurrency / 0.2;
            report.append(String.format(Locale.ROOT, "| %d | %d | %.1f | %.1f | %.0f | %.3f |%n",
                    concurrency, target, r.seconds, rps, ideal, rps / ideal));
            assertThat(r.accepted).isEqualTo(target);
        }

        report.append("\nCPU-bound runs (no latency, concurrency 64, the fake teacher in the same process):\n\n"
                + "| target | seconds | accepted/s | requests/s | process CPU ms per example | generator CPU ms "
                + "per example | peak heap after GC (MB) |\n|---:|---:|---:|---:|---:|---:|---:|\n");
        for (int target : new int[] {5_000, 50_000}) {
            RunResult r = run("cpu-" + target, Duration.ZERO, 64, target);
            report.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f | %.2f | %.2f | %.0f |%n",
                    target, r.seconds, r.accepted / r.seconds, r.requests / r.seconds,
                    1000 * r.processCpuSeconds / r.accepted,
                    1000 * (r.processCpuSeconds - r.fakeCpuSeconds) / r.accepted,
                    r.peakHeapAfterGcBytes / 1048576.0));
            assertThat(r.accepted).isEqualTo(target);
        }
        Path out = Path.of("target", "benchmarks", "throughput.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.println(report);
    }

    private RunResult run(String name, Duration latency, int concurrency, int target) throws IOException {
        int handlerThreads = Math.max(8, concurrency * 2);
        HeapSampler heap = new HeapSampler();
        try (FakeTeacherServer teacher = FakeTeacherServer.start(
                new SyntheticSelfInstructTeacher(11, 6), latency, handlerThreads)) {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuBefore = os.getProcessCpuTime();
            long fakeBefore = fakeCpuNanos();
            long started = System.nanoTime();
            StringWriter err = new StringWriter();
            int exit = InstructgenCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                    .execute("self-instruct", "--seeds", "seeds/seed_tasks.jsonl",
                            "--teacher-url", teacher.openAiUrl(), "--model", "bench-model",
                            "--concurrency", String.valueOf(concurrency), "--target", String.valueOf(target),
                            "--out", dir.resolve(name).toString());
            double seconds = (System.nanoTime() - started) / 1e9;
            long cpu = os.getProcessCpuTime() - cpuBefore;
            long fake = fakeCpuNanos() - fakeBefore;
            assertThat(exit).as(err.toString()).isZero();
            var stats = JsonCodec.mapper().readTree(dir.resolve(name).resolve("stats.json").toFile());
            return new RunResult(exit, seconds, teacher.requestCount(), stats.path("accepted").asLong(),
                    cpu / 1e9, fake / 1e9, heap.stop());
        }
    }

    private static long fakeCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith(FakeTeacherServer.THREAD_PREFIX)
                    || info.getThreadName().startsWith("HTTP-Dispatcher"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    /** Samples the heap in use right after each collection (live data, not garbage) and keeps the largest. */
    private static final class HeapSampler {
        private final AtomicLong peak = new AtomicLong();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        HeapSampler() {
            timer.scheduleAtFixedRate(this::sample, 0, 200, TimeUnit.MILLISECONDS);
        }

        private void sample() {
            long used = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                    used += pool.getCollectionUsage().getUsed();
                }
            }
            peak.accumulateAndGet(used, Math::max);
        }

        long stop() {
            sample();
            timer.shutdownNow();
            return peak.get();
        }
    }
}
