package dev.instructgen.template;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Provenance;
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
 * once the file has as many rows as templates, and no template is used more than once above any other. With
 * {@code --paraphrase-templates}, the uses of each template are spread over its wordings the same way: in blocks
 * of as many uses as it has wordings, each block using every wording once in a seeded order.
 */
final class TemplateRenderer {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /**
     * The rendered records, the rows dropped, how many records each template made and, with paraphrases, how
     * many each wording of each template made (index 0 the task file's own; empty without paraphrases).
     */
    record Rendered(List<ObjectNode> records, List<Rejection> rejections, Map<String, Long> byTemplate,
                    Map<String, List<Long>> byVariant) {
    }

    private final TaskFile task;
    private final String runId;
    private final String promptRef;
    private final ObjectNode license;
    private final long seed;
    private final Paraphrasing.Wordings wordings;
    private final TeacherWording teacherWording;

    /**
     * What the examples in a teacher's wording carry besides the dataset's: the teacher, the prompt that asked
     * for the wordings, and a license block that adds the teacher's terms.
     */
    record TeacherWording(Provenance.TeacherRef teacher, String promptRef, LicenseInfo license) {
    }

    TemplateRenderer(TaskFile task, String runId, String promptRef, LicenseInfo license, long seed) {
        this(task, runId, promptRef, license, seed, Paraphrasing.Wordings.none(task), null);
    }

    TemplateRenderer(TaskFile task, String runId, String promptRef, LicenseInfo license, long seed,
                     Paraphrasing.Wordings wordings, TeacherWording teacherWording) {
        this.task = task;
        this.runId = runId;
        this.promptRef = promptRef;
        this.license = JsonCodec.mapper().valueToTree(license);
        this.seed = seed;
        this.wordings = wordings;
        this.teacherWording = teacherWording;
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
        Map<String, long[]> byVariant = new LinkedHashMap<>();
        templates.forEach(t -> byVariant.put(t.id(), new long[wordings.byTemplate().get(t.id()).size()]));
        int[] order = new int[templates.size()];
        int[] uses = new int[templates.size()];
        int[][] variantOrder = new int[templates.size()][];
        for (int i = 0; i < table.rows().size(); i++) {
            if (i % templates.size() == 0) {
                order = blockOrder(i / templates.size(), templates.size());
            }
            TableReader.Row row = table.rows().get(i);
            int t = order[i % templates.size()];
            TaskTemplate template = templates.get(t);
            List<String> variants = wordings.byTemplate().get(template.id());
            if (uses[t] % variants.size() == 0) {
                variantOrder[t] = variants.size() == 1 ? new int[] {0}
                        : blockOrder(((long) (t + 1) << 32) + uses[t] / variants.size(), variants.size());
            }
            int variant = variantOrder[t][uses[t]++ % variants.size()];
            Map<String, String> values = values(inputName, row);
            String id = task.name() + "-" + row.line();
            String instruction = TaskTemplate.render(variants.get(variant), values);
            String input = TaskTemplate.render(template.input(), values);
            String output = TaskTemplate.render(template.output(), values);
            if (output.isBlank() || instruction.isBlank()) {
                rejections.add(new Rejection(id, "template", RejectionReason.EMPTY_OUTPUT, "template " + template.id()
                        + " renders an empty " + (output.isBlank() ? "output" : "instruction") + " for "
                        + inputName + " line " + row.line(), instruction, input, output, List.of(), null));
                continue;
            }
            records.add(record(id, template, variant, row.line(), instruction, input, output));
            byTemplate.merge(template.id(), 1L, Long::sum);
            byVariant.get(template.id())[variant]++;
        }
        Map<String, List<Long>> variantCounts = new LinkedHashMap<>();
        byVariant.forEach((id, counts) -> variantCounts.put(id, java.util.Arrays.stream(counts).boxed().toList()));
        return new Rendered(records, rejections, byTemplate, wordings.paraphrased() ? variantCounts : Map.of());
    }

    private ObjectNode teacherLicenseJson;

    private ObjectNode teacherLicense() {
        if (teacherLicenseJson == null) {
            teacherLicenseJson = JsonCodec.mapper().valueToTree(teacherWording.license());
        }
        return teacherLicenseJson;
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

    private ObjectNode record(String id, TaskTemplate template, int variant, int line, String instruction,
                              String input, String output) {
        ObjectNode record = JSON.objectNode();
        record.put("id", id);
        record.put("instruction", instruction);
        record.put("input", input);
        record.put("output", output);
        record.put("method", MethodId.TEMPLATE.code());
        record.put("task_id", task.name() + "/" + template.id());
        record.put("is_classification", task.classification());
        boolean teachers = variant > 0;
        ObjectNode provenance = record.putObject("provenance");
        provenance.put("run_id", runId);
        if (teachers) {
            provenance.set("teacher", JsonCodec.mapper().valueToTree(teacherWording.teacher()));
        }
        ObjectNode prompts = provenance.putObject("prompts").put("template", promptRef);
        if (teachers) {
            prompts.put(TemplateParaphraser.STAGE, teacherWording.promptRef());
        }
        provenance.putArray("parents");
        ObjectNode t = provenance.putObject("template");
        t.put("task", task.name());
        t.put("id", template.id());
        t.put("row", line);
        if (wordings.paraphrased()) {
            t.put("variant", variant);
        }
        record.set("license", teachers ? teacherLicense() : license);
        return record;
    }
}
