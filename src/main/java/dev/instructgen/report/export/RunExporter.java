package dev.instructgen.report.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.instructgen.error.BadInputException;
import dev.instructgen.error.StorageException;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.review.ReviewLedger;
import dev.instructgen.storage.AtomicFile;
import dev.instructgen.report.LicenseTally;
import dev.instructgen.storage.RunDirectory;
import dev.instructgen.storage.RunReader;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the examples of a run (or of a dataset file, e.g. a run deduplicated with {@code dedup}) in a fine-tuning
 * format, optionally split into train and validation files, each
 * with a license card beside it. Examples are streamed from examples.jsonl (the split needs one extra pass
 * over the ids only), and each file is written through a temp file and a rename, so an interrupted export
 * never leaves a half file under the target name.
 */
public final class RunExporter {

    private static final byte[] NEWLINE = {'\n'};
    private static final Set<String> RUN_FILES = Set.of(RunDirectory.MANIFEST, RunDirectory.EXAMPLES,
            RunDirectory.REJECTED, RunDirectory.STATS, RunDirectory.DATASET_CARD);

    private RunExporter() {
    }

    /**
     * What to export.
     *
     * @param runDir             a run directory, or a dataset file in any format {@code validate} reads
     * @param jsonLines          JSONL even for alpaca (also implied by a ".jsonl" target)
     * @param systemPrompt       system turn to add to every record, or null
     * @param validationFraction share of examples for the validation file, in (0, 1); null for no split
     * @param flatten            alpaca only: one record per assistant turn of a conversation
     *                           ({@link ConversationFlattener}); a conversation stays whole in train or validation
     */
    public record Request(Path runDir, ExportFormat format, Path to, boolean jsonLines, String systemPrompt,
                          Double validationFraction, long splitSeed, boolean flatten) {

        /** An export that does not flatten conversations. */
        public Request(Path runDir, ExportFormat format, Path to, boolean jsonLines, String systemPrompt,
                       Double validationFraction, long splitSeed) {
            this(runDir, format, to, jsonLines, systemPrompt, validationFraction, splitSeed, false);
        }

        public Request {
            if (flatten && format != ExportFormat.ALPACA) {
                throw new BadInputException("--flatten applies to --format alpaca only; " + format.cliName()
                        + " carries every turn of a conversation as it is");
            }
            Objects.requireNonNull(runDir, "runDir");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(to, "to");
            if (validationFraction != null && !(validationFraction > 0 && validationFraction < 1)) {
                throw new BadInputException("--split-validation must be a fraction between 0 and 1 (exclusive), "
                        + "e.g. 0.05; got " + validationFraction);
            }
        }

        boolean writesJsonLines() {
            return format.alwaysJsonLines() || jsonLines || to.getFileName().toString().endsWith(".jsonl");
        }

        /** JSON Lines under a ".json" name is read as one JSON document by most loaders, and fails there. */
        public Optional<String> nameWarning() {
            if (writesJsonLines() && to.getFileName().toString().endsWith(".json")) {
                return Optional.of("--to " + to + ": " + format.cliName() + " is written as JSON Lines (one object "
                        + "per line), not one JSON document, although the name ends in .json; name it .jsonl"
                        + (format.alwaysJsonLines() ? "" : ", or drop --jsonl for a JSON array"));
            }
            return Optional.empty();
        }
    }

    /** One file written: how many records, and its license card. */
    public record Written(Path file, long records, Path licenseCard, String commercialUse) {
    }

    public static List<Written> export(Request request) {
        return export(request, null);
    }

    /** @param fewShot demonstrations for a share of the records (see {@link FewShotPlan}); null for none */
    public static List<Written> export(Request request, FewShot fewShot) {
        if (request.flatten() && fewShot != null) {
            throw new BadInputException("--flatten cannot be combined with --few-shot-share: demonstrations are "
                    + "drawn per record, before flattening");
        }
        ExportSource run = Files.isRegularFile(request.runDir()) ? ExportSource.ofDatasetFile(request.runDir())
                : ExportSource.ofRun(RunReader.read(request.runDir()));
        // reviews.jsonl belongs to a run directory; a dataset file has none
        ReviewLedger reviews = Files.isRegularFile(request.runDir()) ? ReviewLedger.none()
                : ReviewLedger.load(request.runDir());
        createParent(request.to());
        refuseToOverwriteTheRun(request);
        Set<String> validationIds = request.validationFraction() == null ? Set.of()
                : chooseValidation(reviewed(run, reviews), request);
        FewShotPlan plan = fewShot == null ? null
                : FewShotPlan.plan(() -> reviewed(run, reviews), validationIds, fewShot, request.splitSeed());
        if (request.validationFraction() == null) {
            Part all = new Part(request.to(), request, plan);
            AtomicFile.write(all.file, out -> {
                try (Stream<Example> examples = reviewed(run, reviews)) {
                    all.writeAll(out, examples.iterator());
                }
            });
            return List.of(all.finish(run));
        }
        Part train = new Part(request.to(), request, plan);
        Part validation = new Part(validationPath(request.to()), request, plan);
        AtomicFile.write(train.file, trainOut -> AtomicFile.write(validation.file, validationOut -> {
            try (Stream<Example> examples = reviewed(run, reviews)) {
                train.begin(trainOut);
                validation.begin(validationOut);
                examples.forEach(example -> {
                    Part part = validationIds.contains(example.id()) ? validation : train;
                    part.write(part == validation ? validationOut : trainOut, example);
                });
                train.end(trainOut);
                validation.end(validationOut);
            }
        }));
        return List.of(train.finish(run), validation.finish(run));
    }

    /** FILE with ".validation" before its extension: train.jsonl -> train.validation.jsonl. */
    public static Path validationPath(Path to) {
        String name = to.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String validation = dot > 0 ? name.substring(0, dot) + ".validation" + name.substring(dot)
                : name + ".validation";
        return to.resolveSibling(validation);
    }

    /** The license card beside an export: FILE.license.md. */
    public static Path licenseCardPath(Path file) {
        return file.resolveSibling(file.getFileName() + ".license.md");
    }

    /** The run's examples as its reviewers left them: rejected ones out, edits applied (reviews.jsonl). */
    private static Stream<Example> reviewed(ExportSource run, ReviewLedger reviews) {
        return run.stream().map(reviews::apply).flatMap(Optional::stream);
    }

    private static Set<String> chooseValidation(Stream<Example> reviewed, Request request) {
        List<String> ids;
        try (Stream<Example> examples = reviewed) {
            ids = examples.map(Example::id).collect(Collectors.toList());
        }
        return ValidationSplit.choose(ids, request.validationFraction(), request.splitSeed());
    }

    /** Exporting onto examples.jsonl (say) would replace the very file being read. */
    private static void refuseToOverwriteTheRun(Request request) {
        List<Path> targets = request.validationFraction() == null ? List.of(request.to())
                : List.of(request.to(), validationPath(request.to()));
        Path runDir = request.runDir().toAbsolutePath().normalize();
        for (Path target : targets) {
            Path absolute = target.toAbsolutePath().normalize();
            if (absolute.getParent().equals(runDir) && RUN_FILES.contains(absolute.getFileName().toString())) {
                throw new BadInputException("--to " + target + " would overwrite the run's own "
                        + absolute.getFileName() + "; export to a file outside the run directory");
            }
        }
    }

    private static void createParent(Path to) {
        Path parent = to.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new BadInputException("cannot create " + parent + " for --to: " + e.getMessage(), e);
        }
        if (Files.isDirectory(to)) {
            throw new BadInputException("--to " + to + " is a directory; give a file name, e.g. " + to.resolve(
                    "train.jsonl"));
        }
    }

    /** One output file being written: format framing, record count and license tally. */
    private static final class Part {
        private final Path file;
        private final Request request;
        private final boolean jsonLines;
        private final LicenseTally licenses = new LicenseTally();
        private final ObjectMapper mapper = JsonCodec.mapper();
        private final FewShotPlan plan;
        private long records;

        Part(Path file, Request request, FewShotPlan plan) {
            this.file = file;
            this.request = request;
            this.jsonLines = request.writesJsonLines();
            this.plan = plan;
        }

        void writeAll(OutputStream out, Iterator<Example> examples) throws IOException {
            begin(out);
            while (examples.hasNext()) {
                write(out, examples.next());
            }
            end(out);
        }

        void begin(OutputStream out) throws IOException {
            if (!jsonLines) {
                out.write('[');
            }
        }

        void write(OutputStream out, Example example) {
            if (request.flatten()) {
                ConversationFlattener.flatten(example).forEach(record -> writeOne(out, record));
            } else {
                writeOne(out, example);
            }
        }

        /** Alpaca as a JSON array keeps one record per line too, so it stays diffable and greppable. */
        private void writeOne(OutputStream out, Example example) {
            try {
                if (!jsonLines) {
                    out.write(records == 0 ? NEWLINE : ",\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write(mapper.writeValueAsBytes(plan == null
                        ? request.format().toRecord(example, request.systemPrompt())
                        : FewShotRecords.toRecord(request.format(), example, plan.demonstrationsOf(example.id()),
                                request.systemPrompt())));
                if (jsonLines) {
                    out.write(NEWLINE);
                }
            } catch (IOException e) {
                throw StorageException.writing(file, e);
            }
            records++;
            licenses.add(example.license());
        }

        void end(OutputStream out) throws IOException {
            if (!jsonLines) {
                out.write("\n]\n".getBytes(StandardCharsets.US_ASCII));
            }
        }

        Written finish(ExportSource run) {
            Path card = licenseCardPath(file);
            String origin = records + " records in `" + file.getFileName() + "` (" + request.format().cliName()
                    + (jsonLines ? ", JSONL" : ", JSON array") + "), exported from " + run.origin() + ".";
            AtomicFile.write(card, licenses.toMarkdown("License summary: " + file.getFileName(), origin)
                    .getBytes(StandardCharsets.UTF_8));
            return new Written(file, records, card, licenses.commercialUse());
        }
    }
}
