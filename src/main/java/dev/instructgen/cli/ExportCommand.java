package dev.instructgen.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder: the 'export' command is being built. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class ExportCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new dev.instructgen.config.BadInputException("'export' is not available yet");
    }
}
