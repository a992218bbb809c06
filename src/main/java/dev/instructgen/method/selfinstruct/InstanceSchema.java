package dev.instructgen.method.selfinstruct;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.teacher.JsonShape;
import dev.instructgen.teacher.ResponseSchema;

import java.util.ArrayList;
import java.util.List;

/**
 * The instance-generation reply as JSON ({@code --structured}), read back as the text {@link InstanceParser}
 * reads, so the instance screen applies unchanged: input-first {@code {"examples": [{"input", "output"}]}} as
 * "Example N / Input: / Output:" blocks, output-first (classification) {@code {"examples": [{"class_label",
 * "input"}]}} as "Class label: / Input:" pairs, each in the order of Self-Instruct's two formats (Wang et al.
 * 2023, §2.2).
 */
final class InstanceSchema {

    static final ResponseSchema INPUT_FIRST = new ResponseSchema("instances",
            JsonShape.object("examples", JsonShape.arrayOf(
                    JsonShape.object("input", JsonShape.string(), "output", JsonShape.string()))),
            json -> text(json, false));

    static final ResponseSchema OUTPUT_FIRST = new ResponseSchema("classification_instances",
            JsonShape.object("examples", JsonShape.arrayOf(
                    JsonShape.object("class_label", JsonShape.string(), "input", JsonShape.string()))),
            json -> text(json, true));

    private InstanceSchema() {
    }

    static ResponseSchema of(boolean isClassification) {
        return isClassification ? OUTPUT_FIRST : INPUT_FIRST;
    }

    private static String text(JsonNode json, boolean outputFirst) {
        List<String> blocks = new ArrayList<>();
        for (JsonNode item : json.path("examples")) {
            String input = field(item, "input");
            if (outputFirst) {
                blocks.add("Class label: " + field(item, "class_label") + "\nInput: " + input);
            } else {
                // an empty input is written as the reference's demos write it: "Input:" with nothing after it
                blocks.add("Example " + (blocks.size() + 1) + "\nInput: " + input + "\nOutput: "
                        + field(item, "output"));
            }
        }
        return String.join("\n\n", blocks);
    }

    /** A field's text; a blank line would end the instance in the text form, so blank lines are closed up. */
    private static String field(JsonNode item, String name) {
        return item.path(name).asText("").strip().replaceAll("\\n\\s*\\n", "\n");
    }
}
