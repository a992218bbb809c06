package dev.instructgen.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.instructgen.error.BadInputException;
import dev.instructgen.text.ClosestMatch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads a {@code --config} YAML file and checks every key against what the command accepts: an unknown key is an
 * error naming the file, the line, the key and the closest valid key; so is a key given twice, and a list where
 * the option takes one value.
 *
 * <p>A top-level mapping named after a command ({@code self-instruct:}, {@code evol-instruct:}) holds settings
 * for that command only: the command reads it on top of the shared keys (its values win), and a section for
 * another command is skipped. One file can so serve both generating commands.
 */
public final class ConfigFileLoader {

    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private final ConfigKeys keys;
    private final EnvInterpolator interpolator;

    /** A loader for a command without command sections, where no option takes a list. */
    public ConfigFileLoader(Set<String> optionKeys, Set<String> sectionKeys, Function<String, String> env) {
        this(new ConfigKeys(optionKeys, sectionKeys, Set.of(), null, Set.of()), env);
    }

    /** @param env environment lookup for {@code ${NAME}} references */
    public ConfigFileLoader(ConfigKeys keys, Function<String, String> env) {
        this.keys = keys;
        this.interpolator = new EnvInterpolator(env);
    }

    public ConfigFile load(Path file) {
        String text = ConfigText.read(file);
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
            Map<String, ConfigFile.ConfigValue> commandOptions = new LinkedHashMap<>();
            Map<String, JsonNode> commandSections = new LinkedHashMap<>();
            readMapping(parser, file, "", options, sections, commandOptions, commandSections);
            options.putAll(commandOptions);
            sections.putAll(commandSections);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ":" + lineOf(e) + ": " + yamlReason(e));
        } catch (IOException e) {
            throw new BadInputException("cannot read config file " + file + ": " + e.getMessage());
        }
        return new ConfigFile(file, options, sections);
    }

    /**
     * Reads the fields of the mapping the parser is in, up to its end. {@code prefix} is "" at the top level and
     * "COMMAND." inside a command section, whose own settings go to {@code commandOptions}/{@code commandSections}.
     */
    private void readMapping(JsonParser parser, Path file, String prefix,
                             Map<String, ConfigFile.ConfigValue> options, Map<String, JsonNode> sections,
                             Map<String, ConfigFile.ConfigValue> commandOptions,
                             Map<String, JsonNode> commandSections) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            int line = parser.currentLocation().getLineNr();
            String where = file + ":" + line;
            JsonToken token = parser.nextToken();
            if (prefix.isEmpty() && key.equals(keys.command())) {
                if (token != JsonToken.START_OBJECT) {
                    throw new BadInputException(where + ": '" + key + "' expects a mapping of settings for the "
                            + key + " command");
                }
                readMapping(parser, file, key + ".", commandOptions, commandSections, null, null);
                continue;
            }
            if (prefix.isEmpty() && keys.otherCommands().contains(key)) {
                parser.skipChildren(); // settings for another command
                continue;
            }
            JsonNode value = YAML.readTree(parser);
            if (keys.sections().contains(key)) {
                if (TeachersSection.KEY.equals(key) && !value.isArray()) {
                    throw new BadInputException(where + ": 'teachers' expects a list of endpoints, each with url "
                            + "(and optionally weight, max-concurrency, api, model)");
                }
                if (!TeachersSection.KEY.equals(key) && !value.isObject()) {
                    throw new BadInputException(where + ": '" + prefix + key + "' expects a mapping of settings");
                }
                sections.put(key, interpolate(value, prefix + key, where));
            } else if (keys.options().contains(key)) {
                options.put(key, new ConfigFile.ConfigValue(scalar(prefix + key, key, value, where), line));
            } else {
                throw unknownKey(prefix + key, key, where);
            }
        }
    }

    private BadInputException unknownKey(String shown, String key, String where) {
        Set<String> valid = new TreeSet<>(keys.options());
        valid.addAll(keys.sections());
        String hint = ClosestMatch.among(key, valid).map(k -> "; did you mean '" + k + "'?").orElse("");
        return new BadInputException(where + ": unknown setting '" + shown + "'" + hint);
    }

    private String scalar(String shown, String key, JsonNode value, String where) {
        if (value.isArray()) {
            if (!keys.listOptions().contains(key)) {
                throw new BadInputException(where + ": '" + shown + "' expects a single value, found a list "
                        + value + "; write one value, as on the command line");
            }
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isValueNode() || item.isNull()) {
                    throw new BadInputException(where + ": '" + shown + "' expects a list of plain values");
                }
                items.add(interpolator.interpolate(item.asText(), shown, where));
            }
            return String.join(",", items);
        }
        if (!value.isValueNode() || value.isNull()) {
            throw new BadInputException(where + ": '" + shown + "' expects a single value, found "
                    + (value.isNull() ? "nothing" : "a mapping"));
        }
        return interpolator.interpolate(value.asText(), shown, where);
    }

    private JsonNode interpolate(JsonNode node, String path, String where) {
        if (node.isTextual()) {
            return TextNode.valueOf(interpolator.interpolate(node.asText(), path, where));
        }
        if (node.isObject()) {
            ObjectNode copy = YAML.createObjectNode();
            node.fields().forEachRemaining(e ->
                    copy.set(e.getKey(), interpolate(e.getValue(), path + "." + e.getKey(), where)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = YAML.createArrayNode();
            node.forEach(item -> copy.add(interpolate(item, path, where)));
            return copy;
        }
        return node;
    }

    private static int lineOf(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    /**
     * Jackson's reason without its source excerpts, which repeat the file's text. A duplicate key (found by
     * STRICT_DUPLICATE_DETECTION at any depth) would otherwise silently win.
     */
    private static String yamlReason(JsonProcessingException e) {
        String reason = e.getOriginalMessage();
        if (reason.startsWith("Duplicate field '")) {
            String field = reason.substring("Duplicate field '".length(), reason.indexOf('\'', 17));
            return "'" + field + "' is set twice in the same mapping; remove one of them";
        }
        return "not valid YAML: " + reason.lines().findFirst().orElse(reason).strip();
    }
}
