package dev.instructgen.method.unnatural;

import dev.instructgen.dataset.SeedTask;
import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.prompt.PromptTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The three Unnatural Instructions templates and how each stage fills them. */
public final class UnnaturalPrompts {

    /** What a seed without stated constraints shows; the paper's seeds all have them, ours seldom do. */
    static final String NO_CONSTRAINTS = "None.";

    private final PromptTemplate core;
    private final PromptTemplate output;
    private final PromptTemplate paraphrase;

    public UnnaturalPrompts(PromptLibrary library) {
        this.core = library.get("unnatural/core-generation.txt");
        this.output = library.get("unnatural/output-generation.txt");
        this.paraphrase = library.get("unnatural/paraphrase.txt");
    }

    /** Examples 1..n from the seeds' instruction and first input, the model writes Example n+1. */
    public String core(List<SeedTask> demos) {
        StringBuilder examples = new StringBuilder();
        for (int i = 0; i < demos.size(); i++) {
            SeedTask demo = demos.get(i);
            String input = demo.instances().get(0).input().strip();
            if (i > 0) {
                examples.append("\n\n");
            }
            examples.append("Example ").append(i + 1).append('\n')
                    .append("Instruction: ").append(demo.instruction().strip()).append('\n')
                    .append("Input: ").append(input.isEmpty() ? "None." : input).append('\n')
                    .append("Constraints: ").append(NO_CONSTRAINTS);
        }
        return core.render(Map.of("examples", examples.toString(), "next", demos.size() + 1));
    }

    public String output(CoreTask task) {
        return output.render(Map.of("instruction", task.instruction(),
                "input", task.input().isEmpty() ? "None." : task.input(),
                "constraints", task.constraints().isEmpty() ? NO_CONSTRAINTS : task.constraints()));
    }

    public String paraphrase(String instruction, int count) {
        return paraphrase.render(Map.of("instruction", instruction, "count", count));
    }

    /** Stage to template id; a paraphrase records its own template too. */
    public Map<String, String> provenance(boolean paraphrased) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(UnnaturalSettings.STAGE_CORE, core.provenanceId());
        m.put(UnnaturalSettings.STAGE_OUTPUT, output.provenanceId());
        if (paraphrased) {
            m.put(UnnaturalSettings.STAGE_PARAPHRASE, paraphrase.provenanceId());
        }
        return m;
    }

    public Map<String, String> manifest() {
        Map<String, String> m = new LinkedHashMap<>();
        for (PromptTemplate t : List.of(core, output, paraphrase)) {
            m.put(t.name(), t.sha256());
        }
        return m;
    }

    /** Renders every template once, so a broken override is reported before any request. */
    public void validate() {
        SeedTask sample = new SeedTask("sample", "Name three rivers.",
                List.of(new SeedTask.Instance("", "Nile, Amazon, Danube")), false, null, 1);
        core(List.of(sample));
        output(new CoreTask("s", "Name three rivers.", "", "", "", List.of(), java.util.Set.of(), null,
                dev.instructgen.teacher.TokenUsage.ZERO));
        paraphrase("Name three rivers.", 2);
    }

    /** Prompt characters of one request per stage, for --dry-run. */
    public Map<String, Integer> sizes(List<SeedTask> demos) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(UnnaturalSettings.STAGE_CORE, core(demos).length());
        SeedTask typical = demos.get(0);
        m.put(UnnaturalSettings.STAGE_OUTPUT, output(new CoreTask("s", typical.instruction(),
                typical.instances().get(0).input(), "", "", List.of(), java.util.Set.of(), null,
                dev.instructgen.teacher.TokenUsage.ZERO)).length());
        m.put(UnnaturalSettings.STAGE_PARAPHRASE, paraphrase(typical.instruction(), 2).length());
        return m;
    }
}
