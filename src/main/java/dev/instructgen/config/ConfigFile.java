package dev.instructgen.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded {@code --config} YAML file: flat option values (the same keys as the long command-line options,
 * without the dashes) and structured sections (e.g. {@code sampling}, {@code filters}, {@code licensing}).
 * Values have had {@code ${ENV}} references replaced already.
 */
public record ConfigFile(Path path, Map<String, ConfigValue> options, Map<String, JsonNode> sections) {

    public static final ConfigFile EMPTY = new ConfigFile(null, Map.of(), Map.of());

    public ConfigFile {
        options = Map.copyOf(options);
        sections = Map.copyOf(sections);
    }

    /** A scalar or list value of an option key, with the line it came from for error messages. */
    public record ConfigValue(String value, int line) {
    }

    public Optional<ConfigValue> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    public Optional<JsonNode> section(String name) {
        return Optional.ofNullable(sections.get(name));
    }
}
