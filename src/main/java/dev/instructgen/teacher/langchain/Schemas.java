package dev.instructgen.teacher.langchain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.teacher.ResponseSchema;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;

/**
 * Our {@link ResponseSchema} as LangChain4j's {@link ResponseFormat}: OpenAiChatModel sends it as
 * {@code response_format: {type: json_schema, json_schema: {name, strict, schema}}}, OllamaChatModel as
 * {@code format: <schema>}.
 */
public final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Schemas() {
    }

    public static ResponseFormat responseFormat(ResponseSchema schema) {
        String raw;
        try {
            raw = JSON.writeValueAsString(schema.shape().toJsonSchema());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response schema did not serialize", e);
        }
        return ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(JsonSchema.builder().name(schema.name()).rootElement(JsonRawSchema.from(raw)).build())
                .build();
    }
}
