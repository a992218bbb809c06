package dev.instructgen.method.evol;

import dev.instructgen.error.BadInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The six ways Evol-Instruct rewrites an instruction (Xu et al. 2023, WizardLM, section 3.1). Five are
 * in-depth (the same task made harder); {@link #BREADTH} creates a new, rarer task in the same domain.
 * Each operation has its own template under {@code prompts/evol/}.
 */
public enum EvolOperation {
    ADD_CONSTRAINTS("add-constraints", true),
    DEEPEN("deepen", true),
    CONCRETIZE("concretize", true),
    INCREASE_REASONING("increase-reasoning", true),
    COMPLICATE_INPUT("complicate-input", true),
    BREADTH("breadth", false);

    private final String key;
    private final boolean inDepth;

    EvolOperation(String key, boolean inDepth) {
        this.key = key;
        this.inDepth = inDepth;
    }

    /** The name used on the command line, in provenance and in stats.json, e.g. "add-constraints". */
    public String key() {
        return key;
    }

    public boolean inDepth() {
        return inDepth;
    }

    /** The template file, relative to the prompts directory. */
    public String templateFile() {
        return "evol/" + key + ".txt";
    }

    /** The teacher request stage, for metrics: "evol-add-constraints" and so on. */
    public String stage() {
        return "evol-" + key;
    }

    public static EvolOperation fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (EvolOperation op : values()) {
            if (op.key.equals(k)) {
                return op;
            }
        }
        throw new BadInputException("unknown evolution operation '" + key + "' (expected one of "
                + Arrays.stream(values()).map(EvolOperation::key).collect(Collectors.joining(", ")) + ")");
    }
}
