package dev.instructgen.cli;

import dev.instructgen.filter.quality.InlineQuality;
import dev.instructgen.filter.quality.QualitySettings;
import dev.instructgen.pipeline.FileDigest;
import dev.instructgen.text.overlap.BenchmarkIndex;
import dev.instructgen.text.semantic.BgeSmallEmbedder;
import dev.instructgen.text.semantic.SentenceEmbedder;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Semantic near-duplicates and benchmark decontamination ({@code --semantic-dedup}, {@code --decontaminate}),
 * shared by the generating commands and curate; docs/quality.md. A config file sets them by the same names
 * ({@code decontaminate} takes a YAML list).
 */
public final class QualityOptions {

    @Option(names = "--semantic-dedup", paramLabel = "T",
            description = "Reject a candidate whose instruction (plus input) has embedding cosine similarity above "
                    + "T with one kept before it (bge-small-en-v1.5, in-process); 0.85 suits this model. "
                    + "Default: off")
    Double semanticDedup;

    @Option(names = "--decontaminate", paramLabel = "FILE", arity = "1..*", split = ",",
            description = "Benchmark files (JSONL with a text field, or plain text one item per line): reject a "
                    + "candidate that reproduces an item (shared word n-gram, or ROUGE-L above the threshold).")
    List<Path> decontaminate = List.of();

    @Option(names = "--decontaminate-field", paramLabel = "NAME",
            description = "JSONL field holding a benchmark item's text. Default: the first of question, prompt, "
                    + "instruction, text, input")
    String decontaminateField;

    @Option(names = "--ngram", paramLabel = "N", defaultValue = "" + BenchmarkIndex.DEFAULT_NGRAM,
            description = "Shared run of words that counts as contamination (GPT-3: 13). Default: ${DEFAULT-VALUE}")
    int ngram;

    @Option(names = "--decontaminate-threshold", paramLabel = "F1",
            defaultValue = "" + BenchmarkIndex.DEFAULT_ROUGE_THRESHOLD,
            description = "Also reject when ROUGE-L F1 with an item exceeds this (light edits). "
                    + "Default: ${DEFAULT-VALUE}")
    double decontaminateThreshold;

    /** The sentence model of --semantic-dedup; tests may replace it. */
    Supplier<SentenceEmbedder> embedder = BgeSmallEmbedder::new;

    /** The settings, validated; the benchmark files' content is pinned by sha256. */
    QualitySettings settings() {
        for (Path file : decontaminate) {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new dev.instructgen.error.BadInputException(file + ": no such benchmark file (expected JSONL "
                        + "or plain text, one item per line)");
            }
        }
        return new QualitySettings(semanticDedup, decontaminate,
                decontaminate.stream().map(FileDigest::sha256).toList(), decontaminateField, ngram,
                decontaminateThreshold);
    }

    /** The filters a generating command joins to its chains; reads the benchmark files now. */
    InlineQuality inline() {
        return InlineQuality.of(settings(), embedder);
    }
}
