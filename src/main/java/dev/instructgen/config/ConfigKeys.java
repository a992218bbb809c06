package dev.instructgen.config;

import java.util.Set;

/**
 * What a command accepts in a config file.
 *
 * @param options       flat keys: the command's long option names without leading dashes
 * @param sections      structured sections the command understands (maps of settings)
 * @param listOptions   options that take a comma-separated list, so a YAML list is joined with commas for them;
 *                      every other option takes one value
 * @param command       the command's name: a top-level mapping of this name holds settings for it alone
 *                      (null: no command section)
 * @param otherCommands names of the other commands, whose sections this command skips
 */
public record ConfigKeys(Set<String> options, Set<String> sections, Set<String> listOptions, String command,
                         Set<String> otherCommands) {

    public ConfigKeys {
        options = Set.copyOf(options);
        sections = Set.copyOf(sections);
        listOptions = Set.copyOf(listOptions);
        otherCommands = Set.copyOf(otherCommands);
    }
}
