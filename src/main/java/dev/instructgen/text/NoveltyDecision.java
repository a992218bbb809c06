package dev.instructgen.text;

/** Outcome of {@link NoveltyIndex#admit}: whether the text was novel (and so added), and its nearest member. */
public record NoveltyDecision(boolean novel, Similarity nearest) {
}
