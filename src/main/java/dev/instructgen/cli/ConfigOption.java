package dev.instructgen.cli;

import dev.instructgen.error.BadInputException;
import dev.instructgen.config.ConfigFile;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * The {@code --config FILE.yaml} option. Mixed into a command, it loads the file as soon as picocli meets the
 * option, before defaults are applied, so every other option of the command can come from the file.
 */
public final class ConfigOption {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--config", paramLabel = "FILE.yaml",
            description = "YAML file setting any option of this command (keys are the option names without "
                    + "dashes; $${ENV} is replaced). The command line wins over the file.")
    void setConfig(Path file) {
        if (!(mixee.defaultValueProvider() instanceof ConfigDefaultProvider provider)) {
            throw new IllegalStateException("--config used on a command without a config default provider");
        }
        try {
            provider.load(file);
        } catch (BadInputException e) {
            throw new CommandLine.ParameterException(mixee.commandLine(), e.getMessage(), e);
        }
    }

    /** The loaded file, or {@link ConfigFile#EMPTY} when none was given. */
    public ConfigFile file() {
        return mixee.defaultValueProvider() instanceof ConfigDefaultProvider provider
                ? provider.config()
                : ConfigFile.EMPTY;
    }
}
