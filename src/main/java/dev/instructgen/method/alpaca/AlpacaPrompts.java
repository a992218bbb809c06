package dev.instructgen.method.alpaca;

import dev.instructgen.dataset.SeedTask;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.prompt.PromptTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The one Alpaca template, and how the seed demonstrations are laid out in it. */
public final class AlpacaPrompts {

    static final String NO_INPUT = "<noinput>";

    private final PromptTemplate generation;

    public AlpacaPrompts(PromptLibrary library) {
        this.generation = library.get("alpaca/generation.txt");
    }

    /** The prompt asking for {@code count} triples, showing {@code demos} (their first instance) as examples. */
    public String generation(List<SeedTask> demos, int count) {
        StringBuilder examples = new StringBuilder();
        for (int i = 0; i < demos.size(); i++) {
            SeedTask demo = demos.get(i);
            SeedTask.Instance instance = demo.instances().get(0);
            if (i > 0) {
                examples.append("\n\n");
            }
            examples.append("Task ").append(i + 1).append('\n')
                    .append("Instruction: ").append(demo.instruction().strip()).append('\n')
                    .append("Input: ").append(instance.input().isBlank() ? NO_INPUT : instance.input().strip())
                    .append('\n')
                    .append("Output: ").append(instance.output().strip());
        }
        return generation.render(Map.of("count", count, "examples", examples.toString()));
    }

    public Map<String, String> provenance() {
        return Map.of(AlpacaSettings.STAGE, generation.provenanceId());
    }

    public Map<String, String> manifest() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(generation.name(), generation.sha256());
        return m;
    }

    /** Renders the template once, so a broken override is reported before any request. */
    public void validate() {
        generation(List.of(new SeedTask("sample", "Name three rivers.",
                List.of(new SeedTask.Instance("", "Nile, Amazon, Danube")), false, null, 1)), 1);
    }
}
