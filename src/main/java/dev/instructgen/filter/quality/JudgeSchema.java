package dev.instructgen.filter.quality;

import dev.instructgen.teacher.JsonShape;
import dev.instructgen.teacher.ResponseSchema;

/**
 * The judge's verdict as JSON ({@code --structured}): {@code {"score": number, "rationale": "..."}}, the object the
 * rubric asks for in its text. A server that does structured output returns exactly that; it is handed to
 * {@link JudgeReplyParser} as the JSON text it reads, so one parser serves both, and a server that ignores the
 * schema (or a model that wraps the object in fences and prose) is read as before.
 */
final class JudgeSchema {

    static final ResponseSchema SCHEMA = new ResponseSchema("judge_verdict",
            JsonShape.object("score", JsonShape.number(), "rationale", JsonShape.string()),
            json -> json.toString());

    private JudgeSchema() {
    }
}
