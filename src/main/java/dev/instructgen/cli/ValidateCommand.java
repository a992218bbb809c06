package dev.instructgen.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder: the 'validate' command is being built. */
@Command(name = "validate", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class ValidateCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new dev.instructgen.config.BadInputException("'validate' is not available yet");
    }
}
