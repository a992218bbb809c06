package dev.instructgen.method.selfinstruct;

import dev.instructgen.licensing.SeedSource;

import java.util.Set;

/**
 * A task instruction that can be shown in context: a seed, or an instruction accepted during the run.
 *
 * @param sources the seed sources it descends from (a seed: its own; a generated task: those of the seeds shown
 *                when it was generated, and of their ancestors), for the license tag
 */
public record PoolEntry(String id, String instruction, boolean seed, Set<SeedSource> sources) {

    public PoolEntry {
        sources = Set.copyOf(sources);
    }
}
