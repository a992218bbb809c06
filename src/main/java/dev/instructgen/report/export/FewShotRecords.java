package dev.instructgen.report.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.dataset.Example;

import java.util.List;

/**
 * One exported record with its demonstrations, in the target format's own way (docs/export.md):
 * <ul>
 *   <li>alpaca: inside the instruction, after it, as "Example 1:" blocks with the demonstration's input and
 *       output (and its instruction when it differs); the record's input and output stay where they are;</li>
 *   <li>sharegpt and openai-chat: as earlier user/assistant turns, after the system turn.</li>
 * </ul>
 */
final class FewShotRecords {

    private FewShotRecords() {
    }

    static ObjectNode toRecord(ExportFormat format, Example example, List<Example> demos, String systemPrompt) {
        if (demos.isEmpty()) {
            return format.toRecord(example, systemPrompt);
        }
        if (format == ExportFormat.ALPACA) {
            return format.toRecord(withDemonstrations(example, demos), systemPrompt);
        }
        ObjectNode record = format.toRecord(example, systemPrompt);
        String turnsField = format == ExportFormat.SHAREGPT ? "conversations" : "messages";
        ArrayNode turns = (ArrayNode) record.get(turnsField);
        int at = systemPrompt == null ? 0 : 1;
        for (Example demo : demos) {
            for (JsonNode turn : format.toRecord(demo, null).get(turnsField)) {
                turns.insert(at++, turn);
            }
        }
        return record;
    }

    private static Example withDemonstrations(Example example, List<Example> demos) {
        StringBuilder instruction = new StringBuilder(example.instruction());
        for (int i = 0; i < demos.size(); i++) {
            Example demo = demos.get(i);
            instruction.append("\n\nExample ").append(i + 1).append(':');
            if (!demo.instruction().equals(example.instruction())) {
                instruction.append("\nInstruction: ").append(demo.instruction());
            }
            if (!demo.input().isBlank()) {
                instruction.append("\nInput: ").append(demo.input());
            }
            instruction.append("\nOutput: ").append(demo.output());
        }
        return new Example(example.id(), instruction.toString(), example.input(), example.output(), example.method(),
                example.taskId(), example.isClassification(), example.provenance(), example.license());
    }
}
