package dev.instructgen.cli;

import dev.instructgen.template.TemplateRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code instructgen template}: labelled NLP data into instructions with several templates per task. */
@Command(name = "template", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Turn a labelled dataset (CSV with a header row, or JSONL) into instruction examples: each row is "
                        + "rendered with one of the task file's templates, drawn reproducibly and in balance "
                        + "(FLAN-style, some templates may invert the task). No teacher is needed.",
                "Example task files: prompts/template/ (qa, summarization, translation, classification)."},
        footer = {"", "Example:",
                "  instructgen template --in squad.csv --task prompts/template/qa.yaml \\",
                "      --license CC-BY-SA-4.0 --out runs/squad-instructions"})
public final class TemplateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE.csv|jsonl", description = "The labelled rows.")
    Path input;

    @Option(names = "--task", required = true, paramLabel = "TASK.yaml",
            description = "Fields, optional labels and license, and the templates (docs/templates.md).")
    Path task;

    @Option(names = "--license", paramLabel = "SPDX", description = "License of the input data. Default: the task "
            + "file's license, else FILE.license beside the input, else unknown.")
    String license;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of the template draw. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run directory to (re)write.")
    Path out;

    @Option(names = "--verbose", description = "Print a stack trace on errors.")
    boolean verbose;

    @Override
    public Integer call() {
        TemplateRun.Report report = new TemplateRun(Clock.systemUTC(), VersionProvider.version())
                .run(input, task, license, seed, out);
        PrintWriter console = spec.commandLine().getOut();
        console.printf("rendered %d examples into %s (run %s)%s%n", report.records(), out, report.runId(),
                report.dropped() == 0 ? "" : "; " + report.dropped() + " rows dropped (rejected.jsonl)");
        report.byTemplate().forEach((id, n) -> console.printf("  %-20s %d%n", id, n));
        console.printf("  license: %s (commercial use: %s)%n", report.license(), report.commercialUse());
        console.flush();
        return ExitCode.OK;
    }
}
