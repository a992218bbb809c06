package dev.instructgen.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.instructgen.error.BadInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A task file (docs/templates.md): the task's name, its fields mapped to columns of the input file, an optional
 * label set, an optional license, and several instruction templates (FLAN, Wei et al. 2022, section 2.1, wrote
 * ten per dataset, some inverting the task, e.g. question generation from an answer).
 *
 * @param fields     task field to column of the input file, in the order written
 * @param labelField the field holding the label, when {@code labels} is given
 * @param labels     the label set of a classification task; empty otherwise
 * @param license    SPDX id of the input data when the task file states it, else null
 */
record TaskFile(String name, Map<String, String> fields, String labelField, List<String> labels, String license,
                List<TaskTemplate> templates) {

    static final String OPTIONS = "options";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    boolean classification() {
        return !labels.isEmpty();
    }

    static TaskFile load(Path file) {
        String where = file.getFileName().toString();
        JsonNode root;
        try {
            root = YAML.readTree(Files.newBufferedReader(file));
        } catch (IOException e) {
            throw new BadInputException(where + ": not a readable YAML task file (" + firstLine(e.getMessage()) + ")",
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new BadInputException(where + ": expected a YAML mapping with 'fields' and 'templates'");
        }
        String stem = where.replaceFirst("\\.[^.]+$", "");
        String name = root.path("name").asText(stem);
        if (!NAME.matcher(name).matches()) {
            throw new BadInputException(where + ": name '" + name + "' must be letters, digits, '.', '_' or '-'");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        JsonNode f = root.path("fields");
        if (!f.isObject() || f.isEmpty()) {
            throw new BadInputException(where + ": 'fields' must map each task field to a column, e.g. "
                    + "fields: {question: question, answer: answer}");
        }
        f.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asText()));
        List<String> labels = new ArrayList<>();
        root.path("labels").forEach(l -> labels.add(l.asText()));
        String labelField = root.path("label_field").asText(fields.containsKey("label") ? "label" : null);
        if (!labels.isEmpty() && (labelField == null || !fields.containsKey(labelField))) {
            throw new BadInputException(where + ": 'labels' needs a 'label' field (or label_field: NAME naming one"
                    + " of the fields " + fields.keySet() + ")");
        }
        String license = root.hasNonNull("license") ? root.get("license").asText() : null;
        List<TaskTemplate> templates = templates(where, root.path("templates"), fields, labels);
        return new TaskFile(name, fields, labelField, List.copyOf(labels), license, templates);
    }

    private static List<TaskTemplate> templates(String where, JsonNode list, Map<String, String> fields,
                                                List<String> labels) {
        if (!list.isArray() || list.isEmpty()) {
            throw new BadInputException(where + ": 'templates' must list at least one {id, instruction, input,"
                    + " output}");
        }
        List<TaskTemplate> templates = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode t = list.get(i);
            String at = where + ": templates[" + i + "]";
            String id = t.path("id").asText(null);
            if (id == null || !NAME.matcher(id).matches()) {
                throw new BadInputException(at + ": needs an 'id' of letters, digits, '.', '_' or '-'");
            }
            if (templates.stream().anyMatch(x -> x.id().equals(id))) {
                throw new BadInputException(at + ": id '" + id + "' is used twice");
            }
            if (!t.hasNonNull("instruction") || !t.hasNonNull("output")) {
                throw new BadInputException(at + " (" + id + "): needs 'instruction' and 'output'");
            }
            TaskTemplate template = new TaskTemplate(id, t.get("instruction").asText(), t.path("input").asText(""),
                    t.get("output").asText());
            for (String placeholder : template.placeholders()) {
                boolean known = fields.containsKey(placeholder) || (OPTIONS.equals(placeholder) && !labels.isEmpty());
                if (!known) {
                    throw new BadInputException(at + " (" + id + "): unknown placeholder {" + placeholder
                            + "}; the task's fields are " + fields.keySet()
                            + (labels.isEmpty() ? "" : " and {options}"));
                }
            }
            templates.add(template);
        }
        return List.copyOf(templates);
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
