package dev.instructgen.filter.quality;

import dev.instructgen.error.BadInputException;
import dev.instructgen.text.overlap.BenchmarkIndex;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quality filters a run applies, validated once: semantic near-duplicates above a cosine threshold (off when
 * null) and decontamination against benchmark files (off when none).
 *
 * @param semanticThreshold      cosine similarity above which a candidate is a duplicate, or null for off
 * @param benchmarks             benchmark files; empty for off
 * @param benchmarkSha256        sha256 of each benchmark file, in order (the manifest pins their content)
 * @param field                  the JSONL text field, or null for the first of {@link BenchmarkFiles#FIELDS}
 * @param ngram                  shared word n-gram length that counts as contamination (GPT-3 appendix C: 13)
 * @param decontaminateThreshold ROUGE-L F1 against an item above which a candidate is contaminated
 */
public record QualitySettings(Double semanticThreshold, List<Path> benchmarks, List<String> benchmarkSha256,
                              String field, int ngram, double decontaminateThreshold) {

    public static final QualitySettings OFF = new QualitySettings(null, List.of(), List.of(), null,
            BenchmarkIndex.DEFAULT_NGRAM, BenchmarkIndex.DEFAULT_ROUGE_THRESHOLD);

    public QualitySettings {
        benchmarks = List.copyOf(benchmarks);
        benchmarkSha256 = List.copyOf(benchmarkSha256);
        if (semanticThreshold != null && !(semanticThreshold > 0 && semanticThreshold <= 1)) {
            throw new BadInputException("--semantic-dedup must be within (0, 1], was " + semanticThreshold);
        }
        if (ngram < 1) {
            throw new BadInputException("--ngram must be at least 1, was " + ngram);
        }
        if (!(decontaminateThreshold > 0 && decontaminateThreshold <= 1)) {
            throw new BadInputException("--decontaminate-threshold must be within (0, 1], was "
                    + decontaminateThreshold);
        }
    }

    public boolean semantic() {
        return semanticThreshold != null;
    }

    public boolean decontaminate() {
        return !benchmarks.isEmpty();
    }

    /** The manifest's keys for these settings, in order; compared on resume. */
    public Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("semantic_dedup", semanticThreshold);
        m.put("semantic_model", semantic() ? "bge-small-en-v1.5" : null);
        m.put("decontaminate", benchmarks.stream().map(Path::toString).toList());
        m.put("decontaminate_sha256", benchmarkSha256);
        m.put("decontaminate_field", field);
        m.put("ngram", ngram);
        m.put("decontaminate_threshold", decontaminateThreshold);
        return m;
    }

    /** The filters as the dataset card lists them. */
    public Map<String, String> display() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("semantic near-duplicates", semantic() ? String.format(Locale.ROOT,
                "cosine > %s (bge-small-en-v1.5) against every record kept before", semanticThreshold) : "off");
        m.put("benchmark decontamination", decontaminate() ? String.format(Locale.ROOT,
                "%s: word %d-grams, ROUGE-L F1 > %s", String.join(", ", benchmarks.stream()
                        .map(p -> String.valueOf(p.getFileName())).toList()), ngram, decontaminateThreshold) : "off");
        return m;
    }
}
