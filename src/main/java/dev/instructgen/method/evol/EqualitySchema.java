package dev.instructgen.method.evol;

import dev.instructgen.teacher.JsonShape;
import dev.instructgen.teacher.ResponseSchema;

/**
 * The equality judge's reply as JSON ({@code --structured}): {@code {"verdict": "Equal" | "Not Equal"}}, read back
 * as the bare verdict {@link EqualityAnswer#parse} reads.
 */
final class EqualitySchema {

    static final ResponseSchema SCHEMA = new ResponseSchema("equality_verdict",
            JsonShape.object("verdict", JsonShape.oneOf("Equal", "Not Equal")),
            json -> json.path("verdict").asText());

    private EqualitySchema() {
    }
}
