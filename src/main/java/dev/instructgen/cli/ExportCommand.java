package dev.instructgen.cli;

import dev.instructgen.report.export.ExportFormat;
import dev.instructgen.report.export.FewShot;
import dev.instructgen.report.export.RunExporter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code instructgen export}: a run's (or a dataset file's) examples in a fine-tuning format, with a license card. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Convert the examples of a run (or of a dataset file) to a fine-tuning format: alpaca (JSON array, or JSONL), sharegpt "
                        + "(JSONL with conversations) or openai-chat (JSONL with messages).",
                "Beside each file written, FILE.license.md summarises the licenses of its records."},
        footer = {"", "Example:",
                "  instructgen export --run runs/alpaca-10k --format openai-chat \\",
                "      --to train.jsonl --split-validation 0.05",
                "  instructgen export --in alpaca_dedup.jsonl --format sharegpt --to chat.jsonl",
                "  instructgen export --run runs/squad --format openai-chat --to train.jsonl \\",
                "      --split-validation 0.05 --few-shot-share 0.3 --shots 2"})
public final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"--run", "--in"}, required = true, paramLabel = "DIR|FILE",
            description = "Run directory to export, or a dataset file (e.g. the output of dedup).")
    Path run;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "alpaca, sharegpt or openai-chat.")
    ExportFormat format;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "File to write.")
    Path to;

    @Option(names = "--jsonl", description = "Alpaca as JSON Lines instead of a JSON array "
            + "(implied by a .jsonl file name; sharegpt and openai-chat are always JSONL).")
    boolean jsonLines;

    @Option(names = "--flatten", description = "Alpaca only: write a conversation (e.g. of self-chat) as one record "
            + "per assistant turn, the earlier turns as its input; without it alpaca refuses conversations.")
    boolean flatten;

    @Option(names = "--system-prompt", paramLabel = "TEXT",
            description = "System turn added to every record (alpaca: a \"system\" field).")
    String systemPrompt;

    @Option(names = "--split-validation", paramLabel = "FRACTION",
            description = "Also write a validation file holding this share of the examples, e.g. 0.05; "
                    + "it is named like FILE with .validation before the extension.")
    Double validationFraction;

    @Option(names = "--split-seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the train/validation split. Default: ${DEFAULT-VALUE}")
    long splitSeed;

    @Option(names = "--few-shot-share", paramLabel = "P", description = "Give this share of the records (in "
            + "each file) demonstrations of the same task, drawn from the train file only; the rest stay zero-shot.")
    Double fewShotShare;

    @Option(names = "--shots", paramLabel = "K", defaultValue = "3",
            description = "Demonstrations per few-shot record. Default: ${DEFAULT-VALUE}")
    int shots;

    @Option(names = "--verbose", description = "Print a stack trace on errors.")
    boolean verbose;

    @Override
    public Integer call() {
        var request = new RunExporter.Request(run, format, to, jsonLines, systemPrompt, validationFraction, splitSeed,
                flatten);
        request.nameWarning().ifPresent(warning -> {
            PrintWriter err = spec.commandLine().getErr();
            err.println("warning: " + warning);
            err.flush();
        });
        var written = RunExporter.export(request, fewShotShare == null ? null : new FewShot(fewShotShare, shots));
        PrintWriter out = spec.commandLine().getOut();
        for (RunExporter.Written file : written) {
            out.printf("wrote %d %s records to %s (commercial use: %s; licenses in %s)%n", file.records(), format,
                    file.file(), file.commercialUse(), file.licenseCard().getFileName());
        }
        out.flush();
        return ExitCode.OK;
    }

    /** Accepts the format names as documented (openai-chat, not the enum constant OPENAI_CHAT). */
    static final class FormatConverter implements CommandLine.ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            try {
                return ExportFormat.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
