package dev.instructgen.cli;

import dev.instructgen.dataset.DatasetReader;
import dev.instructgen.dataset.SeedTask;
import dev.instructgen.error.BadInputException;
import dev.instructgen.licensing.SeedLicenseResolver;
import dev.instructgen.licensing.SeedLicenses;
import dev.instructgen.text.TokenizerKind;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of every method that grows a dataset from a seed set (self-instruct, alpaca, unnatural): the seed
 * file and its license, and the ROUGE-L novelty check against the pool, read and checked in one place.
 */
final class SeedSetOptions {

    @Option(names = "--seeds", required = true, paramLabel = "FILE",
            description = "Seed tasks: Self-Instruct seed_tasks.jsonl, Alpaca JSON/JSONL or Dolly JSONL.")
    Path seeds;

    @Option(names = "--seeds-license", paramLabel = "SPDX",
            description = "License of the seed set (else a FILE.license sidecar, else per-record license fields).")
    String seedsLicense;

    @Option(names = "--rouge-threshold", paramLabel = "F1", defaultValue = "0.7",
            description = "Reject an instruction whose ROUGE-L F1 against any pool member exceeds this. "
                    + "Default: ${DEFAULT-VALUE}")
    double rougeThreshold;

    @Option(names = "--tokenizer", paramLabel = "unicode|rouge-score", defaultValue = "unicode",
            description = "Tokenizer of the ROUGE-L check. Default: ${DEFAULT-VALUE}")
    String tokenizer;

    /** The seed tasks of {@code --seeds}; none is bad input. */
    List<SeedTask> tasks() {
        List<SeedTask> tasks = DatasetReader.read(seeds).tasks();
        if (tasks.isEmpty()) {
            throw new BadInputException(seeds + ": no seed tasks found (expected at least one task)");
        }
        return tasks;
    }

    SeedLicenses licenses(List<SeedTask> tasks) {
        return new SeedLicenseResolver().resolve(seeds, seedsLicense, tasks);
    }

    double rougeThreshold() {
        if (!(rougeThreshold > 0 && rougeThreshold <= 1)) {
            throw new BadInputException("--rouge-threshold must be within (0, 1], was " + rougeThreshold);
        }
        return rougeThreshold;
    }

    TokenizerKind tokenizer() {
        try {
            return TokenizerKind.fromCliName(tokenizer);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--tokenizer: " + e.getMessage());
        }
    }
}
