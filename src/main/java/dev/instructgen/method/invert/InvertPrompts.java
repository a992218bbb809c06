package dev.instructgen.method.invert;

import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.prompt.PromptTemplate;

import java.util.Map;

/** The inversion template ({@code prompts/invert/inversion.txt}), shipped or overridden with --prompts. */
public final class InvertPrompts {

    public static final String INVERSION = "invert/inversion.txt";

    private final PromptTemplate template;

    /** Loads and test-renders the template now, so an override with an unknown placeholder fails before a request. */
    public InvertPrompts(PromptLibrary library) {
        this.template = library.get(INVERSION);
        render(new SourceExample("", "", "", "", null, null));
    }

    public PromptTemplate template() {
        return template;
    }

    public String render(SourceExample source) {
        boolean hadInput = !source.input().isEmpty();
        return template.render(Map.of(
                "instruction", source.instruction(),
                "answer_kind", hadInput ? "input" : "question",
                "original", source.invertedOutput(),
                "output", source.output()));
    }
}
