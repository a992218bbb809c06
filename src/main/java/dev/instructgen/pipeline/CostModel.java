package dev.instructgen.pipeline;

import dev.instructgen.teacher.TokenUsage;

/** Estimated US dollars for the tokens of one call; local models cost nothing. */
@FunctionalInterface
public interface CostModel {

    CostModel FREE = usage -> 0.0;

    double costUsd(TokenUsage usage);
}
