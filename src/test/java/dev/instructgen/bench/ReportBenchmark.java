package dev.instructgen.bench;

import dev.instructgen.report.html.HtmlReport;
import dev.instructgen.testing.SyntheticRunDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report for a 50,000-example run (docs/benchmarks.md, "The HTML report"). Runs only when asked:
 * {@code mvn -B -o test -Dtest=ReportBenchmark -Dinstructgen.benchmark=true}; writes its figures to
 * {@code target/benchmarks/report.md}. The run is synthetic (every instruction distinct, so the verb-noun
 * extraction tags all of them) and is written to a temporary directory, never committed.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "instructgen.benchmark", matches = "true")
class ReportBenchmark {

    @TempDir
    Path temp;

    @Test
    void aFiftyThousandExampleRunIsReportedWithinThirtySecondsInUnderTenMegabytes() throws Exception {
        Path run = temp.resolve("run");
        SyntheticRunDirectory.Counts counts = SyntheticRunDirectory.write(run, 50_000);
        long journalBytes = Files.size(run.resolve("examples.jsonl")) + Files.size(run.resolve("rejected.jsonl"));
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        long cpuStart = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        long start = System.nanoTime();
        HtmlReport.Written written = HtmlReport.write(run, temp.resolve("report.html"));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - cpuStart) / 1e9;
        String table = String.format(Locale.ROOT, """
                | run | examples | rejected | journals | report written in | CPU time (all threads) | load average | report size | charts |
                |---|---|---|---|---|---|---|---|---|
                | synthetic | %,d | %,d | %.1f MB | %.1f s | %.1f s | %.1f | %.2f MB | %d |
                """, counts.examples(), counts.rejected(), journalBytes / 1e6, seconds, cpuSeconds, load,
                written.bytes() / 1e6, written.charts());
        Files.createDirectories(Path.of("target", "benchmarks"));
        Files.writeString(Path.of("target", "benchmarks", "report.md"), table);
        System.out.print(table);
        assertThat(written.examples()).isEqualTo(50_000);
        // CPU time rather than wall time: on a machine shared with other builds the wall clock measures the
        // queue for the cores. Wall time on an idle machine is at most the CPU time.
        assertThat(cpuSeconds).isLessThan(30);
        assertThat(written.bytes()).isLessThan(10_000_000);
    }
}
