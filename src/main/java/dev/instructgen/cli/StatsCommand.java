package dev.instructgen.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.storage.RunReader;
import dev.instructgen.storage.RunSnapshot;
import dev.instructgen.report.RunSummarizer;
import dev.instructgen.report.RunSummary;
import dev.instructgen.report.ReviewSummaryText;
import dev.instructgen.report.RunSummaryText;
import dev.instructgen.review.ReviewLedger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code instructgen stats}: counts, yield per reason, tokens, cost, throughput and licenses of a run. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Summarize a run, finished or still running: accepted examples by method, rejections per "
                + "reason with their share of proposed candidates, requests, tokens, estimated cost and cost per "
                + "accepted example, throughput, elapsed time and a license summary.",
        footer = {"", "Example:", "  instructgen stats runs/alpaca-10k --json"})
public final class StatsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "Run directory.")
    Path runDir;

    @Option(names = "--json", description = "Print one JSON object instead of text (for scripts).")
    boolean json;

    @Option(names = "--verbose", description = "Print a stack trace on errors.")
    boolean verbose;

    @Override
    public Integer call() throws JsonProcessingException {
        RunSnapshot run = RunReader.read(runDir);
        run.statsProblem().ifPresent(problem -> {
            PrintWriter err = spec.commandLine().getErr();
            err.println("warning: " + problem + "; the figures that only stats.json holds are left out");
            err.flush();
        });
        RunSummary summary = RunSummarizer.summarize(run);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JsonCodec.mapper().writeValueAsString(summary));
        } else {
            out.print(RunSummaryText.render(summary));
            ReviewSummaryText.line(ReviewLedger.load(runDir)).ifPresent(line -> out.println("human review  " + line));
            run.stats().flatMap(stats -> dev.instructgen.report.BatchSummaryText.line(stats.sections()))
                    .ifPresent(line -> out.println("batches       " + line));
        }
        out.flush();
        return ExitCode.OK;
    }
}
