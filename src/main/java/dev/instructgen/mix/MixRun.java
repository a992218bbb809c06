package dev.instructgen.mix;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.Rejection;
import dev.instructgen.storage.Manifest;
import dev.instructgen.storage.RebuiltRun;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code instructgen mix}: reads the sources, mixes them ({@link Mixer}), applies {@code --require-commercial}
 * before anything is written, and writes the run directory as a whole ({@link RebuiltRun}). A mix is
 * deterministic and cheap, so a rerun rebuilds the directory instead of resuming it; examples.jsonl,
 * rejected.jsonl, manifest.json and DATASET_CARD.md hold no timestamp and come out byte for byte the same,
 * stats.json alone records when the mix was made.
 */
public final class MixRun {

    /** What the console says about a finished mix. */
    public record Report(String runId, long total, long records, long rejected, List<String> lines) {
    }

    private final Clock clock;
    private final String toolVersion;

    public MixRun(Clock clock, String toolVersion) {
        this.clock = clock;
        this.toolVersion = toolVersion;
    }

    public Report run(MixSettings settings, Path out) {
        Instant started = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        SourceLoader loader = new SourceLoader();
        List<LoadedSource> sources = new ArrayList<>();
        for (MixSource spec : settings.sources()) {
            sources.add(loader.load(spec));
        }
        Mixer.Outcome outcome = new Mixer().mix(sources, settings);
        SourceLicenses licenses = new SourceLicenses(outcome);
        if (settings.requireCommercial()) {
            licenses.requireCommercial();
        }
        Map<String, Object> manifestSettings = manifestSettings(settings, sources);
        String runId = "mix-" + sha256(json(identity(manifestSettings))).substring(0, 12);
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("require_commercial", settings.requireCommercial());
        Manifest manifest = new Manifest(toolVersion, "mix", runId, manifestSettings, Map.of(), null, Map.of(), null,
                policy, null, settings.seed());
        Instant finished = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        RebuiltRun.write(out, new RebuiltRun.Contents(manifest, outcome.records(), outcome.rejections(),
                stats(outcome, started, finished), MixCard.render(runId, settings, sources, outcome, licenses)));
        return new Report(runId, outcome.total(), outcome.records().size(), outcome.rejections().size(),
                consoleLines(outcome, licenses));
    }

    private static Map<String, Object> manifestSettings(MixSettings s, List<LoadedSource> sources) {
        Map<String, Object> settings = new LinkedHashMap<>();
        List<Map<String, Object>> list = new ArrayList<>();
        for (LoadedSource source : sources) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", source.spec().name());
            entry.put("path", source.spec().path().toString());
            entry.put("file", source.file());
            entry.put("sha256", source.sha256());
            entry.put("format", source.format().displayName());
            entry.put("records", source.candidates().size());
            entry.put("weight", source.spec().weight());
            entry.put("cap", source.spec().cap());
            entry.put("license", source.spec().license());
            entry.put("license_from", source.licenseOrigin());
            list.add(entry);
        }
        settings.put("sources", list);
        settings.put("strategy", s.strategy().cliName());
        settings.put("temperature", s.temperature());
        settings.put("total", s.total());
        settings.put("allow-repeat", s.allowRepeat());
        settings.put("dedup", s.dedup());
        settings.put("rouge-threshold", s.threshold());
        settings.put("tokenizer", "unicode");
        return settings;
    }

    /** What names the mix: its settings without the paths, so the same files mixed from elsewhere get the same id. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> identity(Map<String, Object> settings) {
        Map<String, Object> copy = new LinkedHashMap<>(settings);
        copy.put("sources", ((List<Map<String, Object>>) settings.get("sources")).stream().map(source -> {
            Map<String, Object> s = new LinkedHashMap<>(source);
            s.remove("path");
            return s;
        }).toList());
        return copy;
    }

    /** stats.json: the common counters {@code stats} reads, plus a "mix" section per source. */
    @JsonPropertyOrder({"command", "status", "stop_reason", "started_at", "updated_at", "elapsed_seconds", "target",
            "accepted", "proposed", "rejected", "mix"})
    record Stats(String command, String status,
                 @JsonProperty("stop_reason") @JsonInclude(JsonInclude.Include.ALWAYS) String stopReason,
                 @JsonProperty("started_at") String startedAt, @JsonProperty("updated_at") String updatedAt,
                 @JsonProperty("elapsed_seconds") double elapsedSeconds, long target, long accepted, long proposed,
                 Map<String, Long> rejected, Map<String, Object> mix) {
    }

    private static Stats stats(Mixer.Outcome outcome, Instant started, Instant finished) {
        Map<String, Long> rejected = new LinkedHashMap<>();
        outcome.rejections().stream().map(Rejection::reason)
                .forEach(r -> rejected.merge(r.code(), 1L, Long::sum));
        Map<String, Object> perSource = new LinkedHashMap<>();
        for (SourceOutcome o : outcome.sources()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("records", o.size());
            s.put("capped", o.capped());
            s.put("rate", Mixer.round(o.rate()));
            s.put("asked", o.quota());
            s.put("count", o.count());
            s.put("repeated", o.repeated());
            s.put("lost_to", o.lostTo());
            perSource.put(o.name(), s);
        }
        return new Stats("mix", "finished", null, started.toString(), finished.toString(),
                Duration.between(started, finished).toMillis() / 1000.0, outcome.total(), outcome.records().size(),
                outcome.records().size() + outcome.rejections().size(), rejected, Map.of("sources", perSource));
    }

    private static List<String> consoleLines(Mixer.Outcome outcome, SourceLicenses licenses) {
        List<String> lines = new ArrayList<>();
        for (SourceOutcome o : outcome.sources()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "  %-16s %6d of %6d asked (rate %.4f, %d records%s)", o.name(), o.count(), o.quota(), o.rate(),
                    o.size(), o.capped() < o.size() ? ", capped at " + o.capped() : ""));
            if (o.repeated() > 0) {
                line.append(", ").append(o.repeated()).append(" repeated");
            }
            if (o.lost() > 0) {
                line.append(", lost ").append(o.lost()).append(" to ").append(o.lostTo());
            }
            if (o.shortBy() > 0) {
                line.append(": ").append(o.shortBy()).append(" short, no records left to replace its duplicates");
            }
            lines.add(line.toString());
        }
        lines.add("  commercial use: " + words(licenses.all().commercialUse()) + "; licenses: "
                + String.join(", ", licenses.all().licensesByCount().stream().map(Map.Entry::getKey).toList()));
        return lines;
    }

    private static String words(Boolean value) {
        return value == null ? "unknown" : value ? "yes" : "no";
    }

    private static String json(Object value) {
        try {
            return JsonCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
