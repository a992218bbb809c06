package dev.instructgen.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.instructgen.dataset.LicenseInfo;
import dev.instructgen.dataset.Provenance;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.error.BadInputException;
import dev.instructgen.licensing.CombiningLicenseTagger;
import dev.instructgen.licensing.DatasetLicenseBlock;
import dev.instructgen.licensing.SeedLicenseResolver;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.licensing.SpdxCatalog;
import dev.instructgen.storage.Manifest;
import dev.instructgen.storage.RebuiltRun;
import dev.instructgen.storage.SeedFileRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code instructgen template}: labelled NLP data (CSV or JSONL) into instructions, each row rendered with one of
 * the task file's templates. Needs no teacher, unless {@code --paraphrase-templates} asks one for more wordings
 * (asked once, journalled). Like {@code mix} it is deterministic and cheap, so a rerun rebuilds the run directory
 * as a whole; every file but stats.json comes out byte for byte the same.
 */
public final class TemplateRun {

    /** What the console says: records written, rows dropped, per template, and the license. */
    public record Report(String runId, long records, long dropped, Map<String, Long> byTemplate, String license,
                         String commercialUse) {
    }

    private final Clock clock;
    private final String toolVersion;

    public TemplateRun(Clock clock, String toolVersion) {
        this.clock = clock;
        this.toolVersion = toolVersion;
    }

    /** @param license {@code --license SPDX}, or null for the task file's, else the input's sidecar, else unknown */
    public Report run(Path input, Path taskFile, String license, long seed, Path out) {
        return run(input, taskFile, license, seed, out, null);
    }

    /** @param paraphrasing {@code --paraphrase-templates}, or null to use the task file's wordings alone */
    public Report run(Path input, Path taskFile, String license, long seed, Path out, Paraphrasing paraphrasing) {
        Instant started = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        TaskFile task = TaskFile.load(taskFile);
        String inputName = input.getFileName().toString();
        if (!Files.isRegularFile(input)) {
            throw new BadInputException(input + ": no such file; --in needs a CSV or JSONL file");
        }
        TableReader.Table table = TableReader.read(input);
        LicenseInfo block = license(input, license != null ? license : task.license());
        String inputSha = sha256(input);
        String taskSha = sha256(taskFile);
        ParaphraseJournal journal = paraphrasing == null ? null : ParaphraseJournal.open(out);
        Paraphrasing.Wordings wordings = paraphrasing == null ? Paraphrasing.Wordings.none(task)
                : paraphrasing.wordings(task, journal);
        byte[] paraphrases = ParaphraseJournal.contents(wordings.used());
        // the wordings are an input like the rows: other wordings, another run
        String runId = "template-" + hex(digest((inputSha + taskSha + seed
                + (wordings.paraphrased() ? hex(digest(paraphrases)) : "")).getBytes())).substring(0, 12);
        String promptRef = taskFile.getFileName() + "@" + taskSha.substring(0, 12);
        TemplateRenderer.TeacherWording teacherWording = paraphrasing == null ? null
                : new TemplateRenderer.TeacherWording(Provenance.TeacherRef.of(paraphrasing.teacher().identity()),
                paraphrasing.prompt().provenanceId(), new CombiningLicenseTagger(paraphrasing.terms())
                .tag(List.of(licenseSource(input, license != null ? license : task.license()))));
        TemplateRenderer.Rendered rendered = new TemplateRenderer(task, runId, promptRef, block, seed, wordings,
                teacherWording).render(inputName, table);

        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("task", task.name());
        settings.put("task-file", taskFile.getFileName().toString());
        settings.put("templates", task.templates().stream().map(TaskTemplate::id).toList());
        settings.put("license", block.license());
        Map<String, String> prompts = new LinkedHashMap<>(Map.of(taskFile.getFileName().toString(), taskSha));
        if (paraphrasing != null) {
            settings.put("paraphrase-templates", paraphrasing.count());
            settings.put("paraphrases-sha256", hex(digest(paraphrases)));
            prompts.put(paraphrasing.prompt().name(), paraphrasing.prompt().sha256());
        }
        Manifest manifest = new Manifest(toolVersion, "template", runId, settings, Map.of(),
                new SeedFileRef(input.toString(), inputSha), prompts,
                teacherWording == null ? null : teacherWording.teacher(), Map.of("license", block.license()), null,
                seed);
        Instant finished = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        RebuiltRun.write(out, new RebuiltRun.Contents(manifest, rendered.records(), rendered.rejections(),
                stats(rendered, table.rows().size(), started, finished),
                TemplateCard.render(runId, task, inputName, table.rows().size(), rendered, block, wordings),
                paraphrasing == null ? Map.of() : Map.of(ParaphraseJournal.FILE, paraphrases)));
        if (journal != null) {
            journal.committed();
        }
        return new Report(runId, rendered.records().size(), rendered.rejections().size(), rendered.byTemplate(),
                block.license(), block.commercialUse() == null ? "unknown" : block.commercialUse() ? "yes" : "no");
    }

    private static LicenseInfo license(Path input, String license) {
        return new DatasetLicenseBlock(SpdxCatalog.shipped()).of(licenseSource(input, license));
    }

    private static SeedSource licenseSource(Path input, String license) {
        SeedLicenses licenses = new SeedLicenseResolver().resolve(input, license, List.of());
        return licenses.sources().get(0);
    }

    @JsonPropertyOrder({"command", "status", "stop_reason", "started_at", "updated_at", "elapsed_seconds", "target",
            "accepted", "proposed", "rejected", "templates", "template_variants"})
    record Stats(String command, String status,
                 @JsonProperty("stop_reason") @JsonInclude(JsonInclude.Include.ALWAYS) String stopReason,
                 @JsonProperty("started_at") String startedAt, @JsonProperty("updated_at") String updatedAt,
                 @JsonProperty("elapsed_seconds") double elapsedSeconds, long target, long accepted, long proposed,
                 Map<String, Long> rejected, Map<String, Long> templates,
                 @JsonProperty("template_variants") @JsonInclude(JsonInclude.Include.NON_EMPTY)
                 Map<String, List<Long>> templateVariants) {
    }

    private static Stats stats(TemplateRenderer.Rendered rendered, long rows, Instant started, Instant finished) {
        Map<String, Long> rejected = new LinkedHashMap<>();
        rendered.rejections().stream().map(Rejection::reason).forEach(r -> rejected.merge(r.code(), 1L, Long::sum));
        return new Stats("template", "finished", null, started.toString(), finished.toString(),
                Duration.between(started, finished).toMillis() / 1000.0, rows, rendered.records().size(), rows,
                rejected, rendered.byTemplate(), rendered.byVariant());
    }

    private static String sha256(Path file) {
        try {
            return hex(digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
