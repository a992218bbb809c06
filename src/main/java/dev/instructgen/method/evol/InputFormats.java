package dev.instructgen.method.evol;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The kind of data a complicate-input rewrite writes into the request. The paper's complicate-input prompt names
 * one format per call ("You must add [XML data] format data as input data", WizardLM appendix, with XML, SQL,
 * tables, code and others across its examples); naming one, instead of offering a menu, keeps a teacher from
 * always picking the same. The choice is a pure function of (run seed, instruction id, round), like the
 * operation draw, so a resumed run asks what the interrupted one would have asked. Templates read it as
 * {@code ${format}}; other templates ignore it.
 */
public final class InputFormats {

    static final List<String> FORMATS = List.of(
            "a small JSON object", "a short XML document", "an SQL table definition with a few rows",
            "a Markdown table", "a Python code snippet", "an HTML fragment", "a few lines of CSV",
            "a shell command with its output", "a LaTeX formula", "a short log excerpt");

    private InputFormats() {
    }

    /** The format named to the rewrite of {@code instructionId} in {@code round}. */
    public static String pick(long seed, String instructionId, int round) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (byte b : (instructionId + "#" + round).getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        return FORMATS.get((int) Math.floorMod(h, (long) FORMATS.size()));
    }
}
