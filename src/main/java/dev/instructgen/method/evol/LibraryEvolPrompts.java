package dev.instructgen.method.evol;

import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.prompt.PromptTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Evol-Instruct templates from the run's prompt library (shipped, or overridden with --prompts). */
public final class LibraryEvolPrompts implements EvolPrompts {

    private final PromptLibrary library;

    public LibraryEvolPrompts(PromptLibrary library) {
        this.library = library;
    }

    @Override
    public Rendered render(String templateFile, Map<String, String> variables) {
        PromptTemplate t = library.get(templateFile);
        return new Rendered(t.render(variables), t.provenanceId());
    }

    /**
     * Every template a run with these settings can use, loaded and test-rendered now, so that an override with an
     * unknown placeholder fails (exit 2, naming the file) before any request is sent.
     */
    public List<PromptTemplate> templatesFor(EvolSettings settings) {
        List<PromptTemplate> used = new ArrayList<>();
        for (EvolOperation op : EvolOperation.values()) {
            if (settings.weights().weight(op) > 0) {
                used.add(checked(op.templateFile(), Map.of("instruction", "")));
            }
        }
        if (settings.equalityJudge()) {
            used.add(checked(JUDGE, Map.of("parent", "", "child", "")));
        }
        used.add(checked(RESPONSE, Map.of("instruction", "")));
        return used;
    }

    private PromptTemplate checked(String name, Map<String, String> variables) {
        PromptTemplate t = library.get(name);
        t.render(variables);
        return t;
    }
}
