package dev.instructgen.method.evol;

import java.util.Map;

/**
 * Renders the Evol-Instruct templates ({@code prompts/evol/*.txt}) and names each for provenance.
 * Implemented over the shared prompt library; tests use a fake.
 */
public interface EvolPrompts {

    String JUDGE = "evol/equality-judge.txt";
    String RESPONSE = "evol/response.txt";

    /** Renders {@code templateFile} with the given variables. */
    Rendered render(String templateFile, Map<String, String> variables);

    /**
     * A rendered prompt.
     *
     * @param provenance "template file@sha256 prefix", as recorded in manifest and examples
     */
    record Rendered(String text, String provenance) {
    }
}
