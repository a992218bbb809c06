package dev.instructgen.text.semantic;

/**
 * A search structure over the unit vectors of a {@link SemanticIndex}, which owns the vectors (one copy, shared
 * by every structure). Not thread-safe: the semantic index serialises access.
 */
interface VectorIndex {

    /** Makes the vector at {@code ordinal} of the shared list searchable; ordinals arrive in order. */
    void added(int ordinal);

    /** The most similar member to {@code unit}, or null when nothing has been added. */
    Neighbour nearest(float[] unit);
}
