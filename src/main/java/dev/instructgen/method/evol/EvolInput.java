package dev.instructgen.method.evol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.error.BadInputException;
import dev.instructgen.dataset.Dataset;
import dev.instructgen.dataset.DatasetRecord;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.licensing.SeedSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One input record ready to evolve. The paper evolves the whole prompt a user would send, so an input that comes
 * with data (Alpaca's {@code input}, Dolly's {@code context}) is evolved together with it: the root prompt is the
 * instruction, a blank line, then the input. A task with several instances (Self-Instruct seeds) is evolved once,
 * from its first instance.
 *
 * @param source    the seed set the record belongs to, with the license that flows into its descendants
 * @param inherited the record's own license block when it is a generated example (a run directory's
 *                  examples.jsonl), inherited whole by its descendants; else null
 */
public record EvolInput(String id, String instruction, String input, String output, boolean isClassification,
                        SeedSource source, LicenseInfo inherited) {

    /**
     * Every record of an input set, in file order. Lineages are traced by id, so ids must be unique; an input
     * with nothing to evolve is a user error.
     */
    public static List<EvolInput> all(Dataset dataset, SeedLicenses licenses) {
        List<EvolInput> inputs = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (DatasetRecord record : dataset.records()) {
            SeedTask task = record.task();
            if (!ids.add(task.id())) {
                throw new BadInputException(dataset.file() + " line " + task.line() + ": id '" + task.id()
                        + "' appears twice; every input needs its own id, as lineages are traced by id");
            }
            if (task.instruction().isBlank()) {
                throw new BadInputException(dataset.file() + " line " + task.line() + ": empty instruction");
            }
            inputs.add(of(record, licenses.sourceOf(task)));
        }
        if (inputs.isEmpty()) {
            throw new BadInputException(dataset.file() + ": no instructions to evolve");
        }
        return inputs;
    }

    /** @param source the task's seed source as the license resolver decided it (set or per-record license) */
    public static EvolInput of(DatasetRecord record, SeedSource source) {
        SeedTask task = record.task();
        SeedTask.Instance first = task.instances().isEmpty() ? new SeedTask.Instance("", "") : task.instances().get(0);
        return new EvolInput(task.id(), task.instruction().strip(), first.input().strip(), first.output(),
                task.isClassification(), source, inheritedBlock(record.raw().get("license")));
    }

    /** A full license block (one with sources, as instructgen writes it), not a bare SPDX string. */
    private static LicenseInfo inheritedBlock(JsonNode license) {
        if (license == null || !license.isObject() || !license.has("sources")) {
            return null;
        }
        try {
            return JsonCodec.mapper().treeToValue(license, LicenseInfo.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null; // the reader already accepted the record; an odd block falls back to the seed license
        }
    }

    /** The text round 1 evolves. */
    public String prompt() {
        return input.isBlank() ? instruction : instruction + "\n\n" + input;
    }

    public Lineage lineage() {
        return Lineage.root(id, prompt(), source, inherited);
    }
}
