package dev.instructgen.method.selfinstruct;

import dev.instructgen.teacher.JsonShape;
import dev.instructgen.teacher.ResponseSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * The instruction-generation reply as JSON ({@code --structured}): {@code {"instructions": [...]}}, read back as
 * the numbered list {@link InstructionListParser} reads, so the per-call cap and the filters apply unchanged.
 */
final class InstructionListSchema {

    static final ResponseSchema SCHEMA = new ResponseSchema("instructions",
            JsonShape.object("instructions", JsonShape.arrayOf(JsonShape.string())),
            json -> {
                List<String> lines = new ArrayList<>();
                json.path("instructions").forEach(item -> {
                    // a blank line would end the item in the text form: keep multi-line instructions whole
                    String text = item.asText().strip().replaceAll("\\n\\s*\\n", "\n");
                    if (!text.isEmpty()) {
                        lines.add((lines.size() + 1) + ". " + text);
                    }
                });
                return String.join("\n", lines);
            });

    private InstructionListSchema() {
    }
}
