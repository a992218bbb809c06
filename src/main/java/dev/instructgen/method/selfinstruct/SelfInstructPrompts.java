package dev.instructgen.method.selfinstruct;

import dev.instructgen.prompt.PromptLibrary;
import dev.instructgen.prompt.PromptTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The four Self-Instruct templates and how each stage fills them. */
public final class SelfInstructPrompts {

    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

    public static final String STAGE_GENERATION = "instruction-generation";
    public static final String STAGE_CLASSIFICATION = "classification";
    public static final String STAGE_INSTANCES = "instance-generation";

    private final PromptTemplate generation;
    private final PromptTemplate classification;
    private final PromptTemplate inputFirst;
    private final PromptTemplate outputFirst;

    public SelfInstructPrompts(PromptLibrary library) {
        this.generation = library.get("self-instruct/instruction-generation.txt");
        this.classification = library.get("self-instruct/classification.txt");
        this.inputFirst = library.get("self-instruct/instance-input-first.txt");
        this.outputFirst = library.get("self-instruct/instance-output-first.txt");
    }

    /** The numbered list of in-context tasks, ending with the next number for the model to continue. */
    public String generation(List<PoolEntry> shown) {
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < shown.size(); i++) {
            if (i > 0) {
                tasks.append('\n');
            }
            tasks.append(i + 1).append(". ").append(oneLine(shown.get(i).instruction()));
        }
        return generation.render(Map.of("tasks", tasks.toString(), "next", shown.size() + 1));
    }

    public String classification(String instruction) {
        return classification.render(Map.of("instruction", oneLine(instruction)));
    }

    /** Output-first for classification tasks, input-first for the rest. */
    public String instances(String instruction, boolean isClassification, int count) {
        PromptTemplate t = isClassification ? outputFirst : inputFirst;
        return t.render(Map.of("instruction", instruction.strip(), "count", count));
    }

    /** Stage to template id for an example's provenance. */
    public Map<String, String> provenance(boolean isClassification) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(STAGE_GENERATION, generation.provenanceId());
        m.put(STAGE_CLASSIFICATION, classification.provenanceId());
        m.put(STAGE_INSTANCES, (isClassification ? outputFirst : inputFirst).provenanceId());
        return m;
    }

    /** Every template's file name with the sha256 of its text, for the manifest (and the resume comparison). */
    public Map<String, String> manifest() {
        Map<String, String> m = new LinkedHashMap<>();
        for (PromptTemplate t : List.of(generation, classification, inputFirst, outputFirst)) {
            m.put(t.name(), t.sha256());
        }
        return m;
    }

    /**
     * Renders every template once with sample values, so a broken override (an unknown placeholder) is reported
     * before any request is sent.
     */
    public void validate() {
        PoolEntry sample = new PoolEntry("sample", "Name three rivers.", true, java.util.Set.of());
        generation(List.of(sample));
        classification(sample.instruction());
        instances(sample.instruction(), false, 1);
        instances(sample.instruction(), true, 1);
    }

    /** Prompt characters of one request per stage, for --dry-run estimates. */
    public Map<String, Integer> sizes(List<PoolEntry> typicalShown, String typicalInstruction) {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put(STAGE_GENERATION, generation(typicalShown).length());
        m.put(STAGE_CLASSIFICATION, classification(typicalInstruction).length());
        m.put(STAGE_INSTANCES, instances(typicalInstruction, false, 1).length());
        return m;
    }

    private static String oneLine(String text) {
        return LINE_BREAK.matcher(text.strip()).replaceAll(" ");
    }
}
