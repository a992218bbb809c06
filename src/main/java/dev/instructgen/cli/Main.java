package dev.instructgen.cli;

import picocli.CommandLine;

/** Entry point: the only place that calls {@link System#exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        dev.instructgen.pipeline.InterruptHandler.installEarly(System.err);
        System.exit(run(args));
    }

    /** Runs the CLI with the process's standard streams; tests call {@link InstructgenCommand#commandLine}. */
    public static int run(String... args) {
        return InstructgenCommand.commandLine().execute(args);
    }
}
