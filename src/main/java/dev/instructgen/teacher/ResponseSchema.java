package dev.instructgen.teacher;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;
import java.util.function.Function;

/**
 * The fixed shape a stage's reply has, declared by the stage on its {@link TeacherRequest}. When the server
 * accepts the schema, the adapter reads the JSON reply and hands the stage {@code asText} of it: the plain text
 * form its parser already reads, so the stage has one parser whether or not the server could do structured output.
 * A reply that is not the JSON asked for is handed on as it came, for the text parser.
 *
 * @param name   the schema's name on the wire (OpenAI requires one: letters, digits, '_' and '-')
 * @param shape  what the JSON looks like
 * @param asText the reply's JSON in the text form the stage's parser reads
 */
public record ResponseSchema(String name, JsonShape shape, Function<JsonNode, String> asText) {

    public ResponseSchema {
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(asText, "asText");
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a response schema needs a name of letters, digits, _ and -: " + name);
        }
    }
}
