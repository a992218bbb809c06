package dev.instructgen.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one JSON record of a known format into a {@link SeedTask}, collecting every problem instead of stopping
 * at the first, so that the same rules serve the fail-fast reader and the exhaustive validator.
 */
final class RecordDecoder {

    /** As licensing.SpdxCatalog: far above any SPDX id; a longer value is not a license id, reject it at once. */
    static final int MAX_LICENSE_LENGTH = 200;

    private final String fileStem;

    /** @param fileStem the file name without extension, used for ids of records that have none */
    RecordDecoder(String fileStem) {
        this.fileStem = fileStem;
    }

    /**
     * @param position JSONL line, or index + 1 in a JSON array; becomes {@link SeedTask#line()}
     * @param problems receives one message per problem found
     * @param turns    receives the turns of a chat record (ShareGPT, OpenAI chat), in order
     * @return the task, or null when the record has problems; a chat's task is its opening user turn (the
     *         instruction) and the first answer (the output)
     */
    SeedTask decode(ObjectNode record, DatasetFormat format, int position, List<String> problems,
                    List<Example.Message> turns) {
        int before = problems.size();
        String id = id(record, position, problems);
        String instruction;
        List<SeedTask.Instance> instances;
        if (format.chat() != null) {
            turns.addAll(format.chat().read(record, problems));
            instruction = ChatSchema.openingUserTurn(turns);
            instances = List.of(new SeedTask.Instance("", ChatSchema.firstAnswer(turns)));
        } else {
            instruction = text(record, "instruction", true, problems);
            instances = switch (format) {
                case SELF_INSTRUCT_SEEDS -> seedInstances(record, problems);
                case DOLLY_JSONL -> single(record, "context", "response", problems);
                default -> single(record, "input", "output", problems);
            };
            if (format == DatasetFormat.INSTRUCTGEN_EXAMPLES && record.hasNonNull("messages")) {
                // a conversation record (self-chat) keeps its turns through mix and the other readers
                int shapeProblems = problems.size();
                ConversationShape.check(record.get("messages"), problems);
                if (problems.size() == shapeProblems) {
                    turns.addAll(ChatSchema.OPENAI_CHAT.read(record, problems));
                }
            }
        }
        boolean classification = flag(record, "is_classification", problems);
        String license = license(record, problems);
        if (problems.size() > before) {
            return null;
        }
        return new SeedTask(id, instruction, instances, classification, license, position);
    }

    private String id(ObjectNode record, int position, List<String> problems) {
        JsonNode id = record.get("id");
        if (id == null || id.isNull()) {
            return fileStem + "-" + position;
        }
        if (id.isTextual() && !id.asText().isBlank()) {
            return id.asText();
        }
        if (id.isIntegralNumber()) {
            return id.asText();
        }
        problems.add(id.isTextual() ? "'id' is blank"
                : "'id' must be a string or an integer, found " + JsonNodeDescription.of(id));
        return null;
    }

    private List<SeedTask.Instance> seedInstances(ObjectNode record, List<String> problems) {
        JsonNode instances = record.get("instances");
        if (!instances.isArray()) {
            problems.add("'instances' must be an array of {\"input\", \"output\"} objects, found "
                    + JsonNodeDescription.of(instances));
            return List.of();
        }
        if (instances.isEmpty()) {
            problems.add("'instances' is empty; a seed task needs at least one {\"input\", \"output\"} instance");
            return List.of();
        }
        List<SeedTask.Instance> result = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            JsonNode instance = instances.get(i);
            String where = "instance " + (i + 1) + ": ";
            if (!instance.isObject()) {
                problems.add(where + "expected an object with 'input' and 'output', found "
                        + JsonNodeDescription.of(instance));
                continue;
            }
            List<String> own = new ArrayList<>();
            String input = text(instance, "input", false, own);
            String output = text(instance, "output", true, own);
            own.forEach(p -> problems.add(where + p));
            result.add(new SeedTask.Instance(input, output));
        }
        return result;
    }

    private List<SeedTask.Instance> single(ObjectNode record, String inputField, String outputField,
                                           List<String> problems) {
        String input = text(record, inputField, false, problems);
        String output = text(record, outputField, true, problems);
        return List.of(new SeedTask.Instance(input, output));
    }

    /** A string field; optional ones default to "" when absent or null, required ones must not be blank. */
    private static String text(JsonNode record, String field, boolean required, List<String> problems) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add("missing '" + field + "'");
            }
            return "";
        }
        if (!value.isTextual()) {
            problems.add("'" + field + "' must be a string, found " + JsonNodeDescription.of(value));
            return "";
        }
        if (required && value.asText().isBlank()) {
            problems.add("'" + field + "' is blank");
        }
        return value.asText();
    }

    private static boolean flag(ObjectNode record, String field, List<String> problems) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.add("'" + field + "' must be true or false, found " + JsonNodeDescription.of(value));
            return false;
        }
        return value.booleanValue();
    }

    /** A per-record license: an SPDX string, or an instructgen license block whose "license" is one. */
    private static String license(ObjectNode record, List<String> problems) {
        JsonNode value = record.get("license");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() && value.asText().length() > MAX_LICENSE_LENGTH) {
            problems.add("'license' is " + value.asText().length() + " characters long; expected an SPDX id such "
                    + "as CC-BY-4.0 (at most " + MAX_LICENSE_LENGTH + " characters)");
            return null;
        }
        if (value.isTextual()) {
            return value.asText().isBlank() ? null : value.asText();
        }
        if (value.isObject()) {
            JsonNode inner = value.get("license");
            return inner != null && inner.isTextual() && !inner.asText().isBlank() ? inner.asText() : null;
        }
        problems.add("'license' must be an SPDX id string or a license object, found "
                + JsonNodeDescription.of(value));
        return null;
    }
}
