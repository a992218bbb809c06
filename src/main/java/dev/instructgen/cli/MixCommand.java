package dev.instructgen.cli;

import dev.instructgen.mix.MixRun;
import dev.instructgen.mix.MixSettings;
import dev.instructgen.mix.MixSource;
import dev.instructgen.mix.MixStrategy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code instructgen mix}: several runs and dataset files into one license-aware training set. */
@Command(name = "mix", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Mix runs and dataset files into one run directory: examples-proportional mixing with per-source "
                        + "caps, temperature-scaled mixing or explicit weights (T5/FLAN), a cross-source ROUGE-L "
                        + "dedup, and a dataset card with a license table per source.",
                "The same sources and seed give the same bytes; a rerun rebuilds --out as a whole."},
        footer = {"", "Example:",
                "  instructgen mix --source si=runs/si --source evol=runs/evol \\",
                "      --source dolly=data/dolly.jsonl:cap=5000:license=CC-BY-SA-3.0 \\",
                "      --strategy proportional --total 20000 --seed 7 --out runs/mix"})
public final class MixCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "NAME=PATH[:weight=W][:cap=N][:license=SPDX]",
            description = "A run directory or dataset file (Self-Instruct, Alpaca, Dolly, ShareGPT, OpenAI chat, "
                    + "examples.jsonl); repeat "
                    + "for each source. cap=N: at most N records of it; weight=W: its weight for --strategy "
                    + "weights (default 1); license=SPDX: the license of a dataset file (else FILE.license, its "
                    + "records' licenses, or unknown). Earlier sources win the dedup.")
    List<String> sources;

    @Option(names = "--source-license", paramLabel = "NAME=SPDX",
            description = "The license of source NAME's dataset file, as license=SPDX after its path; repeatable.")
    List<String> sourceLicenses = List.of();

    @Option(names = "--strategy", paramLabel = "proportional|temperature|weights", defaultValue = "proportional",
            description = "How the total is divided: proportional to min(size, cap), to min(size, cap)^(1/T), or "
                    + "to the weights. Default: ${DEFAULT-VALUE}")
    String strategy;

    @Option(names = "--temperature", paramLabel = "T", defaultValue = "2.0",
            description = "T of --strategy temperature (1 = proportional). Default: ${DEFAULT-VALUE}")
    double temperature;

    @Option(names = "--total", paramLabel = "N",
            description = "Records in the mix. Default: the largest total that repeats no record.")
    Long total;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42",
            description = "Seed of every draw and of the order. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--allow-repeat", description = "Let a source too small for its share repeat its records "
            + "(else the mix refuses and names it).")
    boolean allowRepeat;

    @Option(names = "--no-dedup", description = "Skip the cross-source ROUGE-L dedup.")
    boolean noDedup;

    @Option(names = "--rouge-threshold", paramLabel = "F1", defaultValue = "0.7",
            description = "ROUGE-L F1 above which a record duplicates one of an earlier source. "
                    + "Default: ${DEFAULT-VALUE}")
    double threshold;

    @Option(names = "--require-commercial", description = "Refuse (exit 2, naming the source) a mix holding any "
            + "record whose commercial use is forbidden or unknown.")
    boolean requireCommercial;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Run directory to (re)write.")
    Path out;

    @Option(names = "--verbose", description = "Print a stack trace on errors.")
    boolean verbose;

    @Override
    public Integer call() {
        MixStrategy chosen;
        try {
            chosen = MixStrategy.valueOf(strategy.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--strategy: unknown strategy '" + strategy
                    + "', expected proportional, temperature or weights");
        }
        MixSettings settings = new MixSettings(MixSource.withLicenses(sources.stream().map(MixSource::parse)
                .toList(), sourceLicenses), chosen, temperature,
                total, seed, allowRepeat, !noDedup, threshold, requireCommercial);
        MixRun.Report report = new MixRun(Clock.systemUTC(), VersionProvider.version()).run(settings, out);
        PrintWriter console = spec.commandLine().getOut();
        console.printf("mixed %d records (total %d) into %s (run %s); %d cross-source duplicates in %s%n",
                report.records(), report.total(), out, report.runId(), report.rejected(), "rejected.jsonl");
        report.lines().forEach(console::println);
        console.flush();
        return ExitCode.OK;
    }
}
