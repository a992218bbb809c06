package dev.instructgen.teacher.langchain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.teacher.ResponseSchema;

import java.io.IOException;

/**
 * A reply to a request with a schema, in the text form the stage's parser reads. A server that accepted the
 * schema but answered something else (a model that ignored it, a truncated JSON) is handed on as it came.
 */
final class StructuredReply {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StructuredReply() {
    }

    static String asText(String reply, ResponseSchema schema) {
        JsonNode node;
        try {
            node = JSON.readTree(reply.strip());
        } catch (IOException notJson) {
            return reply;
        }
        if (node == null || !node.isObject()) {
            return reply;
        }
        String text = schema.asText().apply(node);
        return text == null || text.isBlank() ? reply : text;
    }
}
