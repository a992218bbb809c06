package dev.instructgen.method.curate;

import dev.instructgen.dataset.Dataset;
import dev.instructgen.dataset.DatasetFormat;
import dev.instructgen.dataset.DatasetRecord;
import dev.instructgen.dataset.Example;
import dev.instructgen.dataset.MethodId;
import dev.instructgen.filter.quality.JudgeSetup;
import dev.instructgen.filter.quality.QualityFilters;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.licensing.SeedSource;
import dev.instructgen.pipeline.FileDigest;
import dev.instructgen.pipeline.GenerationMethod;
import dev.instructgen.pipeline.RunContext;
import dev.instructgen.pipeline.RunOutcome;
import dev.instructgen.pipeline.RunSession;
import dev.instructgen.pipeline.RunSpec;
import dev.instructgen.report.MethodCard;
import dev.instructgen.text.semantic.SentenceEmbedder;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code instructgen curate} as a {@link GenerationMethod}: the records of any dataset or run through the quality
 * filters, into a run directory of its own (so resume, progress, stats and the card are the engine's). Its only
 * teacher requests are the LLM judge's ({@code --judge}), whose score is the ranking of {@link DiversePicker}. See
 * docs/quality.md.
 *
 * @param inputArgument the --in as given (a file or a run directory)
 * @param embedder      the sentence model, asked for only when semantic dedup or --top needs it
 * @param judge         the LLM judge, or null; its requests go through the run's teacher slot
 */
public record CurateMethod(Path inputArgument, Dataset dataset, SeedLicenses licenses, CurateSettings settings,
                           Supplier<SentenceEmbedder> embedder, JudgeSetup judge) implements GenerationMethod {

    public CurateMethod(Path inputArgument, Dataset dataset, SeedLicenses licenses, CurateSettings settings,
                        Supplier<SentenceEmbedder> embedder) {
        this(inputArgument, dataset, licenses, settings, embedder, null);
    }

    /** The settings of a run over {@code dataset}: pins the input's path, format and content. */
    public static CurateSettings settings(Dataset dataset, dev.instructgen.filter.quality.QualitySettings quality,
                                          Integer top, String policyVersion, JudgeSetup judge) {
        Path file = dataset.file();
        return new CurateSettings(file.toString(), dataset.format().toString(), FileDigest.sha256(file), quality,
                top, policyVersion, judge == null ? null : judge.manifest());
    }

    @Override
    public MethodId id() {
        return MethodId.CURATE;
    }

    /** Every record, or --top of them. */
    @Override
    public Long defaultTarget() {
        long records = recordCount();
        return settings.top() == null ? records : Math.min(records, settings.top());
    }

    private long recordCount() {
        if (dataset.format() == DatasetFormat.INSTRUCTGEN_EXAMPLES) {
            return dataset.size();
        }
        long n = 0;
        for (DatasetRecord r : dataset.records()) {
            n += Math.max(1, r.task().instances().size());
        }
        return n;
    }

    private String license() {
        return licenses.sources().size() == 1 ? licenses.sources().get(0).license() : null;
    }

    @Override
    public void configure(RunSpec.Builder spec, RunSession.Licensing licensing) {
        spec.settings(settings)
                .prompts(judge == null ? Map.of() : Map.of(judge.template().name(), judge.template().sha256()))
                .seeds(new RunSpec.SeedRef(settings.input(), settings.inputSha256(), license()))
                .licensePolicy(new RunSpec.LicensePolicy(licensing.policyVersion(), licensing.requireCommercial(),
                        "input", license(), licenses.origin().name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public MethodRun start(RunContext ctx) {
        List<Example> records = CuratedRecords.of(dataset, licenses, ctx.runId(), ctx.now());
        boolean needsModel = settings.quality().semantic() || settings.top() != null;
        CachedEmbedder model = needsModel ? new CachedEmbedder(embedder.get()) : null;
        QualityFilters filters = QualityFilters.of(settings.quality(), () -> model);
        java.util.function.Function<double[], DiversePicker> picker = null;
        if (settings.top() != null) {
            List<float[]> vectors = model.embedAll(records.stream().map(e -> CurateRun.candidate(e).prompt())
                    .toList());
            picker = scores -> new DiversePicker(vectors, scores);
        }
        CurateJudge judging = judge == null ? null : new CurateJudge(ctx, judge.judge(ctx.teacher()));
        return new CurateRun(ctx, records, filters, judging, picker);
    }

    @Override
    public MethodCard card() {
        return CurateCard.CARD;
    }

    @Override
    public List<SeedSource> seedSources() {
        return licenses.sources();
    }

    @Override
    public Map<String, String> displaySettings(RunSpec spec) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("input", String.valueOf(inputArgument));
        m.putAll(settings.quality().display());
        if (judge != null) {
            m.put("judge", judge.teacher().model() + " @ " + judge.teacher().host() + ", min score "
                    + judge.settings().minScore() + ", unreadable: " + judge.settings().onUnreadable().key());
        }
        m.put("top", settings.top() == null ? "all that pass"
                : settings.top() + " (ties broken toward diversity: least similar to the records kept)");
        return m;
    }

    @Override
    public String doneSummary(RunOutcome outcome, RunSpec spec, long accepted) {
        return "kept " + accepted + " of " + recordCount() + " records of " + inputArgument;
    }

    @Override
    public DryRun dryRun(RunSpec spec, RunSession.Licensing licensing) {
        StringBuilder text = new StringBuilder(judge == null ? "curate makes no teacher requests (cost $0)\n"
                : "curate asks the judge once per record that passes the other filters (twice when a verdict "
                + "cannot be read)\n");
        text.append("  records           ").append(recordCount()).append('\n');
        displaySettings(spec).forEach((k, v) -> text.append(String.format(Locale.ROOT, "  %-17s %s%n", k, v)));
        return new DryRun(text.toString(), 0.0);
    }
}
