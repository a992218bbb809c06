package dev.instructgen.report.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.instructgen.dataset.Dataset;
import dev.instructgen.dataset.DatasetFormat;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.DatasetRecord;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.error.BadInputException;
import dev.instructgen.storage.RunSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where exported examples come from: a run directory (streamed from examples.jsonl), or a dataset file, so that
 * {@code self-instruct -> dedup -> export} works. A file of instructgen examples keeps every field, license
 * included; a file in another format (Alpaca, Self-Instruct seeds, Dolly) becomes one example per instance, with
 * the record's own license or NOASSERTION.
 */
record ExportSource(Supplier<Stream<Example>> examples, String origin) {

    /** A record from someone else's file carries no provenance of ours; the export formats do not print it. */
    private static final Provenance NO_PROVENANCE = new Provenance(null, null, null, null, null, null, null, null);

    Stream<Example> stream() {
        return examples.get();
    }

    static ExportSource ofRun(RunSnapshot run) {
        var teacher = run.manifest().teacher();
        String withTeacher = teacher == null || teacher.model() == null ? "" : " with teacher " + teacher.model();
        return new ExportSource(run::examples, "run `" + run.manifest().runId() + "` ("
                + run.manifest().command() + ")" + withTeacher);
    }

    static ExportSource ofDatasetFile(java.nio.file.Path file) {
        Dataset dataset = DatasetReader.read(file);
        List<Example> examples = new ArrayList<>();
        for (DatasetRecord record : dataset.records()) {
            if (dataset.format() == DatasetFormat.INSTRUCTGEN_EXAMPLES) {
                examples.add(asExample(dataset, record));
            } else {
                examples.addAll(fromTask(record.task(), file.getFileName().toString()));
            }
        }
        return new ExportSource(examples::stream, "`" + file.getFileName() + "` ("
                + dataset.format().displayName() + ")");
    }

    private static Example asExample(Dataset dataset, DatasetRecord record) {
        try {
            return JsonCodec.mapper().treeToValue(record.raw(), Example.class);
        } catch (JsonProcessingException e) {
            throw new BadInputException(dataset.file() + ":" + record.task().line() + ": not an instructgen example ("
                    + e.getOriginalMessage() + ")", e);
        }
    }

    private static List<Example> fromTask(SeedTask task, String fileName) {
        String license = task.license() == null || task.license().isBlank() ? LicenseInfo.NOASSERTION : task.license();
        LicenseInfo info = new LicenseInfo(license, null, List.of(), List.of(LicenseInfo.Source.seed(fileName, license)));
        List<Example> examples = new ArrayList<>();
        List<SeedTask.Instance> instances = task.instances().isEmpty() ? List.of(new SeedTask.Instance("", ""))
                : task.instances();
        for (int i = 0; i < instances.size(); i++) {
            String id = instances.size() == 1 ? task.id() : task.id() + "-" + (i + 1);
            SeedTask.Instance instance = instances.get(i);
            examples.add(new Example(id, task.instruction(), instance.input(), instance.output(), MethodId.SEED,
                    task.id(), task.isClassification(), NO_PROVENANCE, info));
        }
        return examples;
    }
}
