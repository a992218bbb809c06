package dev.instructgen.method.selfchat;

import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.prompt.PromptTemplate;

import java.util.Map;

/** The transcript template ({@code prompts/selfchat/transcript.txt}), shipped or overridden with --prompts. */
public final class SelfChatPrompts {

    public static final String TRANSCRIPT = "selfchat/transcript.txt";

    private final PromptTemplate template;

    /** Loads and test-renders the template now, so an override with an unknown placeholder fails before a request. */
    public SelfChatPrompts(PromptLibrary library) {
        this.template = library.get(TRANSCRIPT);
        render(new Topic("sample", "How do tides work?"), 3);
    }

    public String render(Topic topic, int turns) {
        return template.render(Map.of("topic", topic.text(), "turns", turns));
    }

    Map<String, String> provenance() {
        return Map.of(SelfChatSettings.STAGE, template.provenanceId());
    }

    Map<String, String> manifest() {
        return Map.of(template.name(), template.sha256());
    }
}
