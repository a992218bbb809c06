package dev.instructgen.cli;

import dev.instructgen.report.html.HtmlReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code instructgen report}: a self-contained HTML report of a run, with the Self-Instruct paper's charts. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Write one self-contained HTML file (opens offline) with a run's task diversity "
                + "(verb-noun sunburst), novelty (ROUGE-L) and length histograms, the yield funnel, per-method "
                + "figures, progress over time, teacher and licenses, and a sample of examples.",
        footer = {"", "Example:", "  instructgen report runs/alpaca-10k --out alpaca-10k.html"})
public final class ReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "Run directory (finished or still running).")
    Path runDir;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "report.html",
            description = "HTML file to write. Default: ${DEFAULT-VALUE}")
    Path out;

    @Option(names = "--verbose", description = "Print a stack trace on errors.")
    boolean verbose;

    @Override
    public Integer call() {
        HtmlReport.Written written = HtmlReport.write(runDir, out);
        PrintWriter writer = spec.commandLine().getOut();
        writer.printf("wrote %s (%,d bytes, %d charts, %d examples, %d rejected candidates)%n", written.file(),
                written.bytes(), written.charts(), written.examples(), written.rejected());
        writer.flush();
        return ExitCode.OK;
    }
}
