package dev.instructgen.cli;

import dev.instructgen.config.ConfigFile;
import dev.instructgen.config.ConfigFileLoader;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Makes a {@code --config} file the source of defaults for one command: picocli asks this provider for every
 * option the command line did not set, after parsing, so the command line wins over the file and the file over
 * the built-in defaults. One instance per command per invocation; nothing is global.
 */
final class ConfigDefaultProvider implements CommandLine.IDefaultValueProvider {

    /** Structured settings a config file may hold besides the flat option keys. */
    static final Set<String> SECTIONS = Set.of("sampling", "filters", "licensing", "prices");

    private final CommandSpec command;
    private final Function<String, String> env;
    private ConfigFile config = ConfigFile.EMPTY;

    ConfigDefaultProvider(CommandSpec command, Function<String, String> env) {
        this.command = command;
        this.env = env;
    }

    void load(Path file) {
        config = new ConfigFileLoader(optionKeys(), SECTIONS, env).load(file);
    }

    ConfigFile config() {
        return config;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec option && option.longestName().startsWith("--")) {
            return config.option(option.longestName().substring(2))
                    .map(ConfigFile.ConfigValue::value)
                    .orElse(option.defaultValue());
        }
        return argSpec.defaultValue();
    }

    private Set<String> optionKeys() {
        Set<String> keys = new TreeSet<>();
        for (OptionSpec option : command.options()) {
            String name = option.longestName();
            if (name.startsWith("--") && !option.usageHelp() && !option.versionHelp() && !name.equals("--config")) {
                keys.add(name.substring(2));
            }
        }
        return keys;
    }
}
