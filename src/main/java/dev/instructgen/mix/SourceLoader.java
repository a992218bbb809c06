package dev.instructgen.mix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.dataset.Dataset;
import dev.instructgen.dataset.DatasetFormat;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.DatasetRecord;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.error.BadInputException;
import dev.instructgen.licensing.DatasetLicenseBlock;
import dev.instructgen.licensing.SeedLicenseResolver;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.review.ReviewDecision;
import dev.instructgen.review.ReviewLedger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a source of a mix: a run directory or any dataset file, as records of our example schema. A run's
 * examples are kept whole (their provenance and license block included); records of other formats become
 * examples whose license block names the dataset (the {@code license=} option, else the sidecar, else their own
 * license fields, else unknown), one example per instance; a multi-turn chat keeps its turns in {@code messages}.
 */
final class SourceLoader {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SeedLicenseResolver resolver = new SeedLicenseResolver();
    private final DatasetLicenseBlock blocks = new DatasetLicenseBlock();
    /** A file's records share a handful of license blocks: convert each to JSON once (never mutated). */
    private final Map<LicenseInfo, ObjectNode> licenseJson = new HashMap<>();

    LoadedSource load(MixSource spec) {
        Dataset dataset = DatasetReader.read(spec.path());
        List<Candidate> candidates = new ArrayList<>();
        String origin;
        if (dataset.format() == DatasetFormat.INSTRUCTGEN_EXAMPLES) {
            if (spec.license() != null) {
                throw new BadInputException("--source " + spec.name() + ": license= applies to dataset files; the "
                        + "examples of " + spec.path() + " carry their own license blocks");
            }
            origin = "records";
            // a run's reviews (issue 16): what a person rejected stays out of the mix, edits are applied
            ReviewLedger reviews = dataset.file().getFileName().toString().equals("examples.jsonl")
                    ? ReviewLedger.load(dataset.file().toAbsolutePath().getParent()) : ReviewLedger.none();
            for (DatasetRecord record : dataset.records()) {
                Candidate candidate = fromExample(dataset.file(), record);
                Optional<ReviewLedger.Review> review = reviews.review(ReviewDecision.EXAMPLE, candidate.originalId());
                if (review.isPresent() && !review.get().kept()) {
                    continue;
                }
                candidates.add(review.map(r -> edited(candidate, r.edit())).orElse(candidate));
            }
        } else {
            SeedLicenses licenses = resolver.resolve(dataset.file(), spec.license(), dataset.tasks());
            origin = licenses.origin().name().toLowerCase(Locale.ROOT);
            for (DatasetRecord record : dataset.records()) {
                SeedTask task = record.task();
                LicenseInfo license = blocks.of(licenses.sourceOf(task));
                for (int i = 0; i < task.instances().size(); i++) {
                    String id = task.instances().size() == 1 ? task.id() : task.id() + "-" + (i + 1);
                    candidates.add(fromTask(id, task, task.instances().get(i), license, record.messages()));
                }
            }
        }
        return new LoadedSource(spec, dataset.format(), dataset.file().getFileName().toString(),
                sha256(dataset.file()), origin, candidates);
    }

    private final Map<JsonNode, LicenseInfo> licenseOfJson =
            new HashMap<>();

    private Candidate fromExample(Path file, DatasetRecord record) {
        ObjectNode raw = record.raw().deepCopy();
        LicenseInfo license;
        try {
            license = raw.hasNonNull("license") && raw.get("license").isObject()
                    ? licenseOf(raw.get("license"))
                    : new LicenseInfo(LicenseInfo.NOASSERTION, null, List.of(), List.of());
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + " line " + record.task().line() + ": license: not a license block ("
                    + e.getOriginalMessage() + ")", e);
        }
        return new Candidate(record.task().id(), record.task().instruction(), raw, license);
    }

    /** The candidate with a reviewer's corrections; a field the edit leaves null stays as it was. */
    private static Candidate edited(Candidate c, ReviewDecision.Edit edit) {
        if (edit == null) {
            return c;
        }
        ObjectNode record = c.record().deepCopy();
        if (edit.instruction() != null) {
            record.put("instruction", edit.instruction());
        }
        if (edit.input() != null) {
            record.put("input", edit.input());
        }
        if (edit.output() != null) {
            record.put("output", edit.output());
        }
        return new Candidate(c.originalId(), edit.instruction() != null ? edit.instruction() : c.instruction(),
                record, c.license());
    }

    /**
     * A record of a dataset file as an example; a conversation (ShareGPT, OpenAI chat) keeps every turn in
     * {@code messages}, its opening user turn and first answer as instruction and output.
     */
    private Candidate fromTask(String id, SeedTask task, SeedTask.Instance instance, LicenseInfo license,
                               List<Example.Message> messages) {
        ObjectNode record = JSON.objectNode();
        record.put("id", id);
        record.put("instruction", task.instruction());
        record.put("input", instance.input());
        record.put("output", instance.output());
        record.put("method", MethodId.SEED.code());
        record.put("task_id", task.id());
        record.put("is_classification", task.isClassification());
        ObjectNode provenance = record.putObject("provenance");
        provenance.putArray("parents");
        record.set("license", licenseJson.computeIfAbsent(license, l -> JsonCodec.mapper().valueToTree(l)));
        if (!messages.isEmpty()) {
            record.set("messages", JsonCodec.mapper().valueToTree(messages));
        }
        return new Candidate(id, task.instruction(), record, license);
    }

    private LicenseInfo licenseOf(JsonNode json) throws JsonProcessingException {
        LicenseInfo known = licenseOfJson.get(json);
        if (known == null) {
            known = JsonCodec.mapper().treeToValue(json, LicenseInfo.class);
            licenseOfJson.put(json, known);
        }
        return known;
    }

    static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
