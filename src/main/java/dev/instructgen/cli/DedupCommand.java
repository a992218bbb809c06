package dev.instructgen.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder: the 'dedup' command is being built. */
@Command(name = "dedup", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class DedupCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new dev.instructgen.config.BadInputException("'dedup' is not available yet");
    }
}
