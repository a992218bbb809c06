package dev.instructgen.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.instructgen.error.BadInputException;
import dev.instructgen.text.ClosestMatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a {@code --config} YAML file and checks every top-level key against what the command accepts:
 * an unknown key is an error naming the file, the line, the key and the closest valid key.
 */
public final class ConfigFileLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Set<String> optionKeys;
    private final Set<String> sectionKeys;
    private final EnvInterpolator interpolator;

    /**
     * @param optionKeys  flat keys: the command's long option names without leading dashes
     * @param sectionKeys structured sections the command understands (maps of settings)
     * @param env         environment lookup for {@code ${NAME}} references
     */
    public ConfigFileLoader(Set<String> optionKeys, Set<String> sectionKeys, Function<String, String> env) {
        this.optionKeys = Set.copyOf(optionKeys);
        this.sectionKeys = Set.copyOf(sectionKeys);
        this.interpolator = new EnvInterpolator(env);
    }

    public ConfigFile load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("config file " + file + " does not exist");
        } catch (IOException e) {
            throw new BadInputException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, ConfigFile.ConfigValue> options = new LinkedHashMap<>();
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new ConfigFile(file, options, sections);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new BadInputException(file + ":" + parser.currentLocation().getLineNr()
                        + ": expected a mapping of settings (key: value), found " + first.asString());
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                int line = parser.currentLocation().getLineNr();
                parser.nextToken();
                JsonNode value = YAML.readTree(parser);
                String where = file + ":" + line;
                if (sectionKeys.contains(key)) {
                    if (!value.isObject()) {
                        throw new BadInputException(where + ": '" + key + "' expects a mapping of settings");
                    }
                    sections.put(key, interpolate(value, where));
                } else if (optionKeys.contains(key)) {
                    options.put(key, new ConfigFile.ConfigValue(scalar(key, value, where), line));
                } else {
                    throw unknownKey(key, where);
                }
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new BadInputException(file + ":" + line + ": not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadInputException("cannot read config file " + file + ": " + e.getMessage());
        }
        return new ConfigFile(file, options, sections);
    }

    private BadInputException unknownKey(String key, String where) {
        Set<String> valid = new TreeSet<>(optionKeys);
        valid.addAll(sectionKeys);
        String hint = ClosestMatch.among(key, valid).map(k -> "; did you mean '" + k + "'?").orElse("");
        return new BadInputException(where + ": unknown setting '" + key + "'" + hint);
    }

    private String scalar(String key, JsonNode value, String where) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isValueNode()) {
                    throw new BadInputException(where + ": '" + key + "' expects a list of plain values");
                }
                items.add(interpolator.interpolate(item.asText(), where));
            }
            return String.join(",", items);
        }
        if (!value.isValueNode() || value.isNull()) {
            throw new BadInputException(where + ": '" + key + "' expects a single value");
        }
        return interpolator.interpolate(value.asText(), where);
    }

    private JsonNode interpolate(JsonNode node, String where) {
        if (node.isTextual()) {
            return TextNode.valueOf(interpolator.interpolate(node.asText(), where));
        }
        if (node.isObject()) {
            ObjectNode copy = YAML.createObjectNode();
            node.fields().forEachRemaining(e -> copy.set(e.getKey(), interpolate(e.getValue(), where)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = YAML.createArrayNode();
            node.forEach(item -> copy.add(interpolate(item, where)));
            return copy;
        }
        return node;
    }
}
