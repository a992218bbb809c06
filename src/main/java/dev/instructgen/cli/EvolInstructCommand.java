package dev.instructgen.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder: the 'evol-instruct' command is being built. */
@Command(name = "evol-instruct", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class EvolInstructCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new dev.instructgen.config.BadInputException("'evol-instruct' is not available yet");
    }
}
