package dev.instructgen.cli;

import dev.instructgen.config.ConfigFile;
import dev.instructgen.config.ConfigFileLoader;
import dev.instructgen.config.ConfigKeys;
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
    static final Set<String> SECTIONS = Set.of("sampling", "filters", "licensing", "prices", "judge", "teachers");

    private final CommandSpec command;
    private final Function<String, String> env;
    private ConfigFile config = ConfigFile.EMPTY;

    ConfigDefaultProvider(CommandSpec command, Function<String, String> env) {
        this.command = command;
        this.env = env;
    }

    void load(Path file) {
        ConfigKeys keys = new ConfigKeys(optionKeys(), SECTIONS, listOptionKeys(), command.name(), otherCommands());
        ConfigFile loaded = new ConfigFileLoader(keys, env).load(file);
        loaded.options().forEach((key, value) -> ConfigValueCheck.check(command.findOption("--" + key),
                key, value.value(), file + ":" + value.line()));
        config = loaded;
    }

    ConfigFile config() {
        return config;
    }

    @Override
    public String defaultValue(ArgSpec argSpec) {
        if (argSpec instanceof OptionSpec option && option.longestName().startsWith("--")) {
            return config.option(option.longestName().substring(2))
                    .map(v -> escapeForPicocli(v.value()))
                    .orElse(option.defaultValue());
        }
        return argSpec.defaultValue();
    }

    /**
     * picocli expands {@code ${...}} in default values a second time (system properties, then the environment);
     * the file's values are final after our one pass, so '$${' hands picocli a literal '${'.
     */
    private static String escapeForPicocli(String value) {
        return value.replace("${", "$${");
    }

    /** Options taking "A,B,..." (their label says so), for which a YAML list is joined with commas. */
    private Set<String> listOptionKeys() {
        Set<String> keys = new TreeSet<>();
        for (OptionSpec option : command.options()) {
            if (option.longestName().startsWith("--") && (option.isMultiValue() || option.paramLabel().contains(",")
                    || !option.splitRegex().isEmpty())) {
                keys.add(option.longestName().substring(2));
            }
        }
        return keys;
    }

    /** Sibling commands: their sections in a shared file are skipped. */
    private Set<String> otherCommands() {
        Set<String> names = new TreeSet<>();
        if (command.parent() != null) {
            names.addAll(command.parent().subcommands().keySet());
        }
        names.remove(command.name());
        return names;
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
