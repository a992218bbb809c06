package dev.instructgen.method.selfinstruct;

import dev.instructgen.licensing.SeedSource;
import dev.instructgen.teacher.TokenUsage;
import dev.instructgen.text.Similarity;

import java.util.List;
import java.util.Set;

/**
 * An instruction that passed the filters and joined the pool, on its way through classification and instance
 * generation.
 *
 * @param parents the in-context task ids shown when it was generated
 * @param sources the seed sources it descends from
 * @param novelty its nearest pool member when it was accepted
 * @param usage   tokens spent on it so far (its share of the generation call, then its own calls)
 */
public record TaskCandidate(String taskId, String instruction, List<String> parents, Set<SeedSource> sources,
                            Similarity novelty, TokenUsage usage, boolean isClassification) {

    public TaskCandidate {
        parents = List.copyOf(parents);
        sources = Set.copyOf(sources);
    }

    public TaskCandidate classified(boolean classification, TokenUsage more) {
        return new TaskCandidate(taskId, instruction, parents, sources, novelty, usage.plus(more), classification);
    }
}
