package dev.instructgen.pipeline.selfinstruct;

import dev.instructgen.filter.Verdict;

/**
 * The heuristic instruction filters of Self-Instruct (length, keywords, "Write a program", leading punctuation
 * or non-letter), each rejecting with its own reason code. Novelty is checked separately, by the novelty index.
 */
@FunctionalInterface
public interface InstructionScreen {

    Verdict check(String instruction);
}
