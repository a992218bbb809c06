package dev.instructgen.text.semantic;

/**
 * A search structure over the unit vectors of a {@link SemanticIndex}, which owns the vectors (one copy, shared
 * by every structure). Not thread-safe: the semantic index serialises access.
 */
interface VectorIndex {

    /** Makes the vector at {@code ordinal} of the shared list searchable; ordinals arrive in order. */
    void added(int ordinal);

    /** The most similar member to {@code unit}, or null when nothing has been added. */
    default Neighbour nearest(float[] unit) {
        return nearest(unit, ordinal -> true);
    }

    /** The most similar member among those {@code accept} lets through, or null when there is none. */
    Neighbour nearest(float[] unit, java.util.function.IntPredicate accept);
}
