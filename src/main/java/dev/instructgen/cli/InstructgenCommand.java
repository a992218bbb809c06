package dev.instructgen.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The top-level command; every subcommand is registered here. */
@Command(name = "instructgen",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Grow instruction-tuning datasets with a teacher LLM (Self-Instruct, Evol-Instruct, Alpaca, "
                + "Unnatural Instructions, Baize self-chat, inversion), judge and curate them, mix and export them, "
                + "with license and provenance on every example.",
        subcommands = {
                SelfInstructCommand.class,
                EvolInstructCommand.class,
                AlpacaCommand.class,
                UnnaturalCommand.class,
                InvertCommand.class,
                SelfChatCommand.class,
                DedupCommand.class,
                CurateCommand.class,
                ExportCommand.class,
                MixCommand.class,
                TemplateCommand.class,
                StatsCommand.class,
                ValidateCommand.class,
                ReportCommand.class,
                ReviewCommand.class,
                CommandLine.HelpCommand.class
        })
public final class InstructgenCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    /** A fully configured command line writing to the process's standard streams. */
    public static CommandLine commandLine() {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** A fully configured command line writing to the given streams (tests capture them). */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new InstructgenCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ExceptionExitCodeMapper());
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionStrategy(InstructgenCommand::refuseUnmatchedThenRun);
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.setDefaultValueProvider(new ConfigDefaultProvider(sub.getCommandSpec(), System::getenv));
        }
        return cl;
    }

    /**
     * picocli lets a help request win over arguments it could not match, so {@code instructgen selfinstruct --help}
     * printed the top-level help and exited 0; a misspelled command must be a usage error with a suggestion.
     */
    private static int refuseUnmatchedThenRun(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (!p.unmatched().isEmpty()) {
                throw new CommandLine.UnmatchedArgumentException(p.commandSpec().commandLine(), p.unmatched());
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }
}
