package dev.instructgen.method.curate;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.instructgen.dataset.Dataset;
import dev.instructgen.dataset.DatasetFormat;
import dev.instructgen.dataset.DatasetRecord;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.error.BadInputException;
import dev.instructgen.licensing.LicenseFacts;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.licensing.SpdxCatalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The records of curate's input as the examples it may write. An instructgen example (a run, or its
 * examples.jsonl) is kept whole, provenance and license as they were. Any other record becomes a
 * {@code method: seed} example, one per instance, whose license is its set's (no teacher wrote it, so no teacher
 * terms join it).
 */
final class CuratedRecords {

    private CuratedRecords() {
    }

    static List<Example> of(Dataset dataset, SeedLicenses licenses, String runId, String createdAt) {
        List<Example> examples = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (DatasetRecord record : dataset.records()) {
            for (Example e : examplesOf(dataset, record, licenses, runId, createdAt)) {
                if (!ids.add(e.id())) {
                    throw new BadInputException(dataset.file() + " line " + record.task().line() + ": id '" + e.id()
                            + "' appears twice; every record needs its own id (rejections and duplicates name it)");
                }
                examples.add(e);
            }
        }
        if (examples.isEmpty()) {
            throw new BadInputException(dataset.file() + ": no records to curate");
        }
        return examples;
    }

    private static List<Example> examplesOf(Dataset dataset, DatasetRecord record, SeedLicenses licenses,
                                            String runId, String createdAt) {
        SeedTask task = record.task();
        if (dataset.format() == DatasetFormat.INSTRUCTGEN_EXAMPLES) {
            try {
                return List.of(JsonCodec.mapper().treeToValue(record.raw(), Example.class));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new BadInputException(dataset.file() + " line " + task.line() + ": not an instructgen example: "
                        + e.getMessage());
            }
        }
        LicenseInfo license = licenseOf(licenses.sourceOf(task));
        Provenance provenance = new Provenance(runId, createdAt, null, null, List.of(), null, null, null);
        List<SeedTask.Instance> instances = task.instances().isEmpty()
                ? List.of(new SeedTask.Instance("", "")) : task.instances();
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            String id = instances.size() == 1 ? task.id() : task.id() + "#" + (i + 1);
            out.add(new Example(id, task.instruction(), instances.get(i).input(), instances.get(i).output(),
                    MethodId.SEED, task.id(), task.isClassification(), provenance, license));
        }
        return out;
    }

    /** The set's license alone: commercial use as the SPDX catalogue states it, null when unknown. */
    static LicenseInfo licenseOf(SeedSource source) {
        String id = source.license() == null ? LicenseInfo.NOASSERTION : source.license();
        SpdxCatalog catalog = SpdxCatalog.shipped();
        LicenseFacts facts = catalog.isKnown(id) ? catalog.facts(id) : null;
        List<String> restrictions = new ArrayList<>();
        if (facts != null) {
            if (facts.attribution()) {
                restrictions.add("attribution");
            }
            if (facts.shareAlike()) {
                restrictions.add("share-alike");
            }
            if (facts.noDerivatives()) {
                restrictions.add("no-derivatives");
            }
            if (Boolean.FALSE.equals(facts.commercial())) {
                restrictions.add("non-commercial");
            }
        }
        return new LicenseInfo(id, facts == null ? null : facts.commercial(), restrictions,
                List.of(LicenseInfo.Source.seed(source.name(), source.license())));
    }
}
