package dev.instructgen.dataset;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How an example came to be, with the stable code examples.jsonl, manifest.json ({@code command}) and the dataset
 * card write. The codes never change; a new generation method adds a constant.
 */
public enum MethodId {
    SELF_INSTRUCT("self-instruct"),
    EVOL_INSTRUCT("evol-instruct"),
    ALPACA("alpaca"),
    UNNATURAL("unnatural"),
    INVERT("invert"),
    /** An input example written unchanged (Evol-Instruct's {@code --keep-originals}). */
    SEED("seed"),
    /** A record taken into a mix of sources (provenance.mix says which source and how). */
    MIX("mix"),
    /** A labelled NLP record rendered into an instruction by a task template. */
    TEMPLATE("template"),
    /** Filtering of an existing dataset or run ({@code instructgen curate}); its examples keep their own method. */
    CURATE("curate"),
    /** A multi-turn conversation the teacher wrote playing both sides (Baize self-chat); it carries messages. */
    SELF_CHAT("self-chat");

    private final String code;

    MethodId(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static MethodId fromCode(String code) {
        for (MethodId m : values()) {
            if (m.code.equals(code)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown method '" + code + "' (expected one of "
                + java.util.Arrays.stream(values()).map(MethodId::code).toList() + ")");
    }

    @Override
    public String toString() {
        return code;
    }
}
