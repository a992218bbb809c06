package dev.instructgen.dataset;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * One line saying what is wrong with a JSON file we read into a record (manifest.json): the field and what was
 * expected, never Jackson's or our class names, so that the user sees "missing or invalid 'command'" instead of
 * "Cannot construct instance of `dev.instructgen.storage.Manifest`".
 */
public final class JsonFileErrors {

    private JsonFileErrors() {
    }

    public static String describe(IOException e) {
        if (e instanceof ValueInstantiationException v) {
            String field = v.getCause() == null ? null : v.getCause().getMessage();
            String path = path(v);
            return field != null && field.matches("[A-Za-z_][A-Za-z0-9_]*")
                    ? "missing or invalid '" + (path.isEmpty() ? field : path + "." + field) + "'"
                    : "a field is missing or invalid" + (path.isEmpty() ? "" : " in '" + path + "'");
        }
        if (e instanceof MismatchedInputException m) {
            String path = path(m);
            String expected = m.getTargetType() == null ? "another kind of value" : kind(m.getTargetType());
            return (path.isEmpty() ? "the file" : "'" + path + "'") + " has the wrong kind of value; expected "
                    + expected;
        }
        if (e instanceof JsonMappingException m) {
            String path = path(m);
            return "a value is invalid" + (path.isEmpty() ? "" : " at '" + path + "'");
        }
        if (e instanceof JsonProcessingException p) {
            JsonLocation at = p.getLocation();
            String line = at == null || at.getLineNr() < 1 ? "" : " at line " + at.getLineNr();
            return "invalid JSON" + line + ": " + JsonErrorText.reason(p.getOriginalMessage());
        }
        return String.valueOf(e.getMessage());
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String kind(Class<?> type) {
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "a JSON object";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a JSON array";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        return "a string";
    }
}
