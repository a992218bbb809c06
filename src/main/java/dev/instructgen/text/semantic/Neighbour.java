package dev.instructgen.text.semantic;

/** The closest member of a vector index: its position in insertion order and its cosine similarity. */
public record Neighbour(int ordinal, double similarity) {
}
