package dev.instructgen.template;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.error.BadInputException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Renders each row with one of the task's templates into our example schema. The template of a row is drawn
 * reproducibly and in balance: rows are taken in blocks of as many rows as there are templates, and each block
 * uses every template once, in an order shuffled with the seed and the block number. So every template is used
 * once the file has as many rows as templates, and no template is used more than once above any other.
 */
final class TemplateRenderer {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The rendered records, the rows dropped, and how many records each template made. */
    record Rendered(List<ObjectNode> records, List<Rejection> rejections, Map<String, Long> byTemplate) {
    }

    private final TaskFile task;
    private final String runId;
    private final String promptRef;
    private final ObjectNode license;
    private final long seed;

    TemplateRenderer(TaskFile task, String runId, String promptRef, LicenseInfo license, long seed) {
        this.task = task;
        this.runId = runId;
        this.promptRef = promptRef;
        this.license = JsonCodec.mapper().valueToTree(license);
        this.seed = seed;
    }

    Rendered render(String inputName, TableReader.Table table) {
        for (String column : task.fields().values()) {
            if (!table.columns().contains(column)) {
                throw new BadInputException(inputName + ": no column '" + column + "' (the task file maps a field to"
                        + " it); the file has " + table.columns());
            }
        }
        List<TaskTemplate> templates = task.templates();
        Map<String, Long> byTemplate = new LinkedHashMap<>();
        templates.forEach(t -> byTemplate.put(t.id(), 0L));
        List<ObjectNode> records = new ArrayList<>(table.rows().size());
        List<Rejection> rejections = new ArrayList<>();
        int[] order = new int[templates.size()];
        for (int i = 0; i < table.rows().size(); i++) {
            if (i % templates.size() == 0) {
                order = blockOrder(i / templates.size(), templates.size());
            }
            TableReader.Row row = table.rows().get(i);
            TaskTemplate template = templates.get(order[i % templates.size()]);
            Map<String, String> values = values(inputName, row);
            String id = task.name() + "-" + row.line();
            String instruction = TaskTemplate.render(template.instruction(), values);
            String input = TaskTemplate.render(template.input(), values);
            String output = TaskTemplate.render(template.output(), values);
            if (output.isBlank() || instruction.isBlank()) {
                rejections.add(new Rejection(id, "template", RejectionReason.EMPTY_OUTPUT, "template " + template.id()
                        + " renders an empty " + (output.isBlank() ? "output" : "instruction") + " for "
                        + inputName + " line " + row.line(), instruction, input, output, List.of(), null));
                continue;
            }
            records.add(record(id, template, row.line(), instruction, input, output));
            byTemplate.merge(template.id(), 1L, Long::sum);
        }
        return new Rendered(records, rejections, byTemplate);
    }

    private int[] blockOrder(long block, int size) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed * 0x9E3779B97F4A7C15L + block));
        return order.stream().mapToInt(Integer::intValue).toArray();
    }

    private Map<String, String> values(String inputName, TableReader.Row row) {
        Map<String, String> values = new LinkedHashMap<>();
        task.fields().forEach((field, column) -> values.put(field, row.values().getOrDefault(column, "")));
        if (task.classification()) {
            String label = values.get(task.labelField());
            if (!task.labels().contains(label)) {
                throw new BadInputException(inputName + ":" + row.line() + ": label '" + label + "' is not in the"
                        + " task's labels " + task.labels());
            }
            values.put(TaskFile.OPTIONS, "OPTIONS:\n- " + String.join("\n- ", task.labels()));
        }
        return values;
    }

    private ObjectNode record(String id, TaskTemplate template, int line, String instruction, String input,
                              String output) {
        ObjectNode record = JSON.objectNode();
        record.put("id", id);
        record.put("instruction", instruction);
        record.put("input", input);
        record.put("output", output);
        record.put("method", MethodId.TEMPLATE.code());
        record.put("task_id", task.name() + "/" + template.id());
        record.put("is_classification", task.classification());
        ObjectNode provenance = record.putObject("provenance");
        provenance.put("run_id", runId);
        provenance.putObject("prompts").put("template", promptRef);
        provenance.putArray("parents");
        ObjectNode t = provenance.putObject("template");
        t.put("task", task.name());
        t.put("id", template.id());
        t.put("row", line);
        record.set("license", license);
        return record;
    }
}
