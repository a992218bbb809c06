package dev.instructgen.method.invert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.Dataset;
import dev.instructgen.dataset.DatasetRecord;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.error.BadInputException;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.licensing.SeedSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One example of the input set that can be inverted: it has a non-empty output. A task with several instances
 * (Self-Instruct seeds) gives one source per instance, {@code <task id>#<n>} from the second on.
 *
 * @param source    the input set the example belongs to, with the license that flows into its inversion
 * @param inherited the example's own license block when it was generated (a run's examples.jsonl), else null
 */
public record SourceExample(String id, String instruction, String input, String output, SeedSource source,
                            LicenseInfo inherited) {

    /** Every invertible example of {@code dataset}, in file order; ids must be unique, as inversions link to them. */
    public static List<SourceExample> all(Dataset dataset, SeedLicenses licenses) {
        List<SourceExample> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (DatasetRecord record : dataset.records()) {
            SeedTask task = record.task();
            LicenseInfo inherited = inheritedBlock(record.raw().get("license"));
            for (int i = 0; i < task.instances().size(); i++) {
                SeedTask.Instance instance = task.instances().get(i);
                if (instance.output().isBlank() || task.instruction().isBlank()) {
                    continue;
                }
                String id = i == 0 ? task.id() : task.id() + "#" + (i + 1);
                if (!ids.add(id)) {
                    throw new BadInputException(dataset.file() + " line " + task.line() + ": id '" + id
                            + "' appears twice; every input needs its own id, as inversions link to it");
                }
                out.add(new SourceExample(id, task.instruction().strip(), instance.input().strip(),
                        instance.output().strip(), licenses.sourceOf(task), inherited));
            }
        }
        if (out.isEmpty()) {
            throw new BadInputException(dataset.file() + ": no example with a non-empty output to invert");
        }
        return out;
    }

    /** What the inversion's answer is: the original input when there was one, else the question itself. */
    public String invertedOutput() {
        return input.isEmpty() ? instruction : input;
    }

    /** A full license block (with sources, as instructgen writes it), not a bare SPDX string. */
    private static LicenseInfo inheritedBlock(JsonNode license) {
        if (license == null || !license.isObject() || !license.has("sources")) {
            return null;
        }
        try {
            return JsonCodec.mapper().treeToValue(license, LicenseInfo.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null; // the reader accepted the record; an odd block falls back to the set's license
        }
    }
}
