package dev.instructgen.mix;

import dev.instructgen.error.BadInputException;

import java.util.List;

/**
 * Everything that defines a mix; the same settings and the same input files give the same bytes.
 *
 * @param total       records wanted; null for the largest total that repeats no record
 * @param temperature T of the temperature strategy (T5 section 3.5.2 tried 2, 4 and 8)
 * @param threshold   ROUGE-L F1 above which a record of a later source is a duplicate of an earlier one
 *                    (0.7, the Self-Instruct novelty threshold, Wang et al. 2023 section 2.3)
 */
public record MixSettings(List<MixSource> sources, MixStrategy strategy, double temperature, Long total, long seed,
                          boolean allowRepeat, boolean dedup, double threshold, boolean requireCommercial) {

    public static final double DEFAULT_THRESHOLD = 0.7;

    public MixSettings {
        sources = List.copyOf(sources);
        if (sources.isEmpty()) {
            throw new BadInputException("mix: give at least one --source NAME=PATH");
        }
        if (sources.stream().map(MixSource::name).distinct().count() != sources.size()) {
            throw new BadInputException("mix: every --source needs its own name; " + sources.stream()
                    .map(MixSource::name).toList() + " repeats one");
        }
        if (!(temperature > 0) || !Double.isFinite(temperature)) {
            throw new BadInputException("--temperature must be a positive number, got " + temperature);
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new BadInputException("--rouge-threshold must be above 0 and at most 1, got " + threshold);
        }
        if (total != null && total < 1) {
            throw new BadInputException("--total must be at least 1, got " + total);
        }
        if (strategy != MixStrategy.WEIGHTS && sources.stream().anyMatch(s -> s.weight() != null)) {
            throw new BadInputException("--source ...:weight=W is used by --strategy weights only; with --strategy "
                    + strategy.cliName() + " the rates come from the sources' sizes");
        }
    }
}
