package dev.instructgen.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder: the 'stats' command is being built. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class StatsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new dev.instructgen.config.BadInputException("'stats' is not available yet");
    }
}
