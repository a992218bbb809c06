package dev.instructgen.teacher;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small part of JSON Schema our stages need to describe a reply: objects whose properties are all required
 * and closed (what OpenAI's strict mode demands), arrays, strings, numbers, booleans and string enums. Adapters translate
 * it to their wire format; {@link #toJsonSchema()} is the plain JSON Schema, for the request log.
 */
public sealed interface JsonShape {

    /** The JSON Schema object, as plain maps and lists. */
    Map<String, Object> toJsonSchema();

    static JsonShape string() {
        return new Text();
    }

    static JsonShape bool() {
        return new Bool();
    }

    /** A JSON number (integer or fraction), e.g. a judge's score. */
    static JsonShape number() {
        return new Num();
    }

    static JsonShape arrayOf(JsonShape items) {
        return new Array(items);
    }

    static JsonShape oneOf(String... values) {
        return new Enum(List.of(values));
    }

    /** @param properties name, shape, name, shape, ...: in order, all required */
    static JsonShape object(Object... properties) {
        Map<String, JsonShape> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < properties.length; i += 2) {
            map.put((String) properties[i], (JsonShape) properties[i + 1]);
        }
        return new Obj(map);
    }

    record Text() implements JsonShape {
        @Override
        public Map<String, Object> toJsonSchema() {
            return Map.of("type", "string");
        }
    }

    record Bool() implements JsonShape {
        @Override
        public Map<String, Object> toJsonSchema() {
            return Map.of("type", "boolean");
        }
    }

    record Num() implements JsonShape {
        @Override
        public Map<String, Object> toJsonSchema() {
            return Map.of("type", "number");
        }
    }

    record Enum(List<String> values) implements JsonShape {
        public Enum {
            values = List.copyOf(values);
        }

        @Override
        public Map<String, Object> toJsonSchema() {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "string");
            schema.put("enum", values);
            return schema;
        }
    }

    record Array(JsonShape items) implements JsonShape {
        @Override
        public Map<String, Object> toJsonSchema() {
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "array");
            schema.put("items", items.toJsonSchema());
            return schema;
        }
    }

    record Obj(Map<String, JsonShape> properties) implements JsonShape {
        public Obj {
            properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }

        @Override
        public Map<String, Object> toJsonSchema() {
            Map<String, Object> props = new LinkedHashMap<>();
            properties.forEach((name, shape) -> props.put(name, shape.toJsonSchema()));
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("properties", props);
            schema.put("required", List.copyOf(properties.keySet()));
            schema.put("additionalProperties", false);
            return schema;
        }
    }
}
