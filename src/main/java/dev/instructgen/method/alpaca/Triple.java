package dev.instructgen.method.alpaca;

/** One instruction/input/output triple read from a reply; the input is "" for {@code <noinput>}. */
record Triple(String instruction, String input, String output) {
}
