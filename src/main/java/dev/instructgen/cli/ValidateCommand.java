package dev.instructgen.cli;

import dev.instructgen.dataset.DatasetValidator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code instructgen validate FILE}: lists every problem of a seed or dataset file as {@code file:line: what is
 * wrong} (the form editors and CI logs link to), then one summary line; exit 2 when there is any problem.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
                "Check a seed or dataset file and list every problem with its line number.",
                "Accepts Self-Instruct seed_tasks.jsonl, Alpaca JSON or JSONL, Dolly JSONL, instructgen "
                        + "examples.jsonl, or a run directory; the format is detected from the content.",
                "Exits 0 when the file is clean, 2 when it has problems."},
        footer = {"", "Example:", "  instructgen validate seeds/seed_tasks.jsonl"})
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Seed or dataset file, or a run directory.")
    Path file;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RepeatedProblemPrinter printer = new RepeatedProblemPrinter(out);
        DatasetValidator.Summary report = new DatasetValidator().check(file, printer);
        printer.finish(report.file());
        out.println(summary(report));
        out.flush();
        return report.clean() ? ExitCode.OK : ExitCode.BAD_INPUT;
    }

    private static String summary(DatasetValidator.Summary report) {
        String format = report.format() == null ? "unknown" : report.format().displayName();
        String records = report.records() + (report.records() == 1 ? " record" : " records");
        if (report.clean()) {
            return records + ", format " + format + ", no problems";
        }
        long count = report.problems();
        return count + (count == 1 ? " problem" : " problems") + " (" + records + ", format " + format + ")";
    }
}
