package dev.instructgen.filter.evol;

/** An evolved instruction next to the instruction it was evolved from: what the rewrite rules look at. */
public record Rewrite(String parent, String child) {
}
