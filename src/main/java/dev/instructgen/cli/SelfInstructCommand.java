package dev.instructgen.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Placeholder: the 'self-instruct' command is being built. */
@Command(name = "self-instruct", mixinStandardHelpOptions = true, description = "(not yet available)")
public final class SelfInstructCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new dev.instructgen.config.BadInputException("'self-instruct' is not available yet");
    }
}
