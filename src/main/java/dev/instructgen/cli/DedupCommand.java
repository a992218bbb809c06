package dev.instructgen.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.error.BadInputException;
import dev.instructgen.error.StorageException;
import dev.instructgen.dataset.Dataset;
import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.DatasetRecord;
import dev.instructgen.dataset.DatasetWriter;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.dataset.RejectionReason;
import dev.instructgen.filter.quality.QualityCandidate;
import dev.instructgen.text.NearDuplicateFilter;
import dev.instructgen.text.semantic.BgeSmallEmbedder;
import dev.instructgen.text.semantic.SemanticIndex;
import dev.instructgen.text.semantic.SentenceEmbedder;
import dev.instructgen.text.TokenizerKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code instructgen dedup}: ROUGE-L novelty filtering of an existing dataset, the Self-Instruct rule (Wang et al.
 * 2023, §2.3) applied after the fact. Instructions are compared (inputs and outputs are not); the first of any
 * near-duplicates in file order is kept. The kept records are written in the input's own format, unchanged, and
 * every dropped record is listed in {@code OUT.dedup-report.jsonl} with the kept record it was too close to.
 */
@Command(name = "dedup", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Drop near-duplicate instructions from a dataset: a record is dropped when the ROUGE-L F1 of its "
                        + "instruction with an instruction kept before it exceeds the threshold.",
                "Reads any supported format (Self-Instruct seeds, Alpaca JSON or JSONL, Dolly, instructgen "
                        + "examples, or a run directory) and writes the kept records in the same format.",
                "With --semantic T, paraphrases are dropped too: embedding cosine similarity above T with a kept "
                        + "record.",
                "Beside OUT, OUT.dedup-report.jsonl lists each dropped record, the kept record it duplicates "
                        + "and the score."},
        footer = {"", "Example:", "  instructgen dedup --in alpaca_data.json --out alpaca_dedup.json --threshold 0.7",
                "  instructgen dedup --in alpaca_data.json --out alpaca_dedup.json --semantic 0.85"})
public final class DedupCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "Dataset file or run directory.")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write the kept records to.")
    Path out;

    @Option(names = "--threshold", paramLabel = "F", defaultValue = "0.7",
            description = "Drop when ROUGE-L F1 exceeds this (strictly). Default: ${DEFAULT-VALUE}")
    double threshold;

    @Option(names = "--tokenizer", paramLabel = "NAME", defaultValue = "unicode", converter = TokenizerConverter.class,
            description = "unicode (letters and digits of any script; Chinese, Japanese, Thai one token per "
                    + "character) or rouge-score (exactly the rouge_score package: [a-z0-9] only). "
                    + "Default: ${DEFAULT-VALUE}")
    TokenizerKind tokenizer;

    @Option(names = "--semantic", paramLabel = "T",
            description = "Also drop a record whose instruction (plus input) has embedding cosine similarity above "
                    + "T with a record kept before it (bge-small-en-v1.5, in-process; 0.85 suits it). Default: off")
    Double semantic;

    /** The sentence model of --semantic; tests may replace it. */
    Supplier<SentenceEmbedder> embedder = BgeSmallEmbedder::new;

    @Override
    public Integer call() {
        if (semantic != null && !(semantic > 0.0 && semantic <= 1.0)) {
            throw new BadInputException("--semantic must be within (0, 1], got " + semantic);
        }
        if (!(threshold >= 0.0 && threshold <= 1.0)) {
            throw new BadInputException("--threshold must be between 0 and 1, got " + threshold);
        }
        Dataset dataset = DatasetReader.read(in);
        List<NearDuplicateFilter.Entry> entries = dataset.tasks().stream()
                .map(task -> new NearDuplicateFilter.Entry(task.id(), task.instruction()))
                .toList();
        NearDuplicateFilter.Outcome outcome = NearDuplicateFilter.of(tokenizer, threshold).apply(entries);

        List<Integer> keptIndexes = outcome.kept();
        List<SemanticDrop> semanticDrops = List.of();
        if (semantic != null) {
            semanticDrops = semanticDrops(dataset, keptIndexes);
            Set<Integer> dropped = new HashSet<>();
            semanticDrops.forEach(d -> dropped.add(d.index()));
            keptIndexes = keptIndexes.stream().filter(i -> !dropped.contains(i)).toList();
        }
        List<ObjectNode> kept = keptIndexes.stream().map(i -> dataset.records().get(i).raw()).toList();
        DatasetWriter.write(out, dataset.format(), kept);
        Path report = reportPath(out);
        writeReport(report, dataset.records(), outcome.dropped(), semanticDrops);

        PrintWriter stdout = spec.commandLine().getOut();
        String semanticPart = semantic == null ? "" : String.format(Locale.ROOT,
                " and %d semantic near-duplicates (cosine > %s)", semanticDrops.size(), semantic);
        stdout.printf(Locale.ROOT, "kept %d of %d records, dropped %d near-duplicates (ROUGE-L F1 > %s, tokenizer "
                        + "%s)%s; wrote %s (%s) and %s%n", kept.size(), dataset.size(), outcome.dropped().size(),
                threshold, tokenizer.cliName(), semanticPart, out, dataset.format().displayName(), report);
        stdout.flush();
        return ExitCode.OK;
    }

    /** {@code OUT.dedup-report.jsonl}, beside OUT. */
    static Path reportPath(Path out) {
        return out.resolveSibling(out.getFileName() + ".dedup-report.jsonl");
    }

    /** A record dropped by --semantic: its index and the kept record it paraphrases. */
    record SemanticDrop(int index, int againstIndex, double cosine) {
    }

    /** The semantic pass over the records ROUGE-L kept, in file order: the first of any paraphrases stays. */
    private List<SemanticDrop> semanticDrops(Dataset dataset, List<Integer> candidates) {
        SemanticIndex index = new SemanticIndex(embedder.get(), semantic);
        List<SemanticDrop> drops = new ArrayList<>();
        for (int i : candidates) {
            SeedTask task = dataset.records().get(i).task();
            String input = task.instances().isEmpty() ? "" : task.instances().get(0).input();
            String prompt = new QualityCandidate(task.id(), task.instruction(), input, "").prompt();
            SemanticIndex.Decision d = index.admit(Integer.toString(i), prompt);
            if (!d.novel()) {
                drops.add(new SemanticDrop(i, Integer.parseInt(d.nearestId()), d.similarity()));
            }
        }
        return drops;
    }

    private static void writeReport(Path report, List<DatasetRecord> records, List<NearDuplicateFilter.Drop> drops,
                                    List<SemanticDrop> semanticDrops) {
        ObjectWriter writer = JsonCodec.mapper().writer();
        try (Writer file = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            for (NearDuplicateFilter.Drop drop : drops) {
                SeedTask dropped = records.get(drop.index()).task();
                SeedTask kept = records.get(drop.againstIndex()).task();
                ObjectNode line = JsonCodec.mapper().createObjectNode();
                line.put("index", drop.index());
                line.put("line", dropped.line());
                line.put("id", dropped.id());
                line.put("instruction", dropped.instruction());
                line.put("kept_index", drop.againstIndex());
                line.put("kept_line", kept.line());
                line.put("kept_id", kept.id());
                line.put("kept_instruction", kept.instruction());
                line.put("rouge_l_f1", drop.score());
                file.write(writer.writeValueAsString(line));
                file.write('\n');
            }
            for (SemanticDrop drop : semanticDrops) {
                SeedTask dropped = records.get(drop.index()).task();
                SeedTask kept = records.get(drop.againstIndex()).task();
                ObjectNode line = JsonCodec.mapper().createObjectNode();
                line.put("index", drop.index());
                line.put("line", dropped.line());
                line.put("id", dropped.id());
                line.put("instruction", dropped.instruction());
                line.put("kept_index", drop.againstIndex());
                line.put("kept_line", kept.line());
                line.put("kept_id", kept.id());
                line.put("kept_instruction", kept.instruction());
                line.put("reason", RejectionReason.SEMANTIC_DUPLICATE.code());
                line.put("cosine", Math.round(drop.cosine() * 1000) / 1000.0);
                file.write(writer.writeValueAsString(line));
                file.write('\n');
            }
        } catch (IOException e) {
            throw StorageException.writing(report, e);
        }
    }

    /** Accepts the documented names (rouge-score, not the enum constant ROUGE_SCORE). */
    static final class TokenizerConverter implements CommandLine.ITypeConverter<TokenizerKind> {
        @Override
        public TokenizerKind convert(String value) {
            try {
                return TokenizerKind.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
