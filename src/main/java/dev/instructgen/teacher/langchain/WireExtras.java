package dev.instructgen.teacher.langchain;

import dev.instructgen.teacher.ResponseSchema;

/**
 * What one request adds to the plain chat call on the wire, beyond sampling.
 *
 * @param thinkingOff send the server's switch that turns a model's thinking off ({@code --reasoning off})
 * @param schema      ask for JSON of this shape; null for free text
 */
public record WireExtras(boolean thinkingOff, ResponseSchema schema) {
}
