package dev.instructgen.method.selfinstruct;

import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.Sampling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The method's options, with Self-Instruct's values as defaults (Wang et al. 2023 and the reference code):
 * 8 in-context tasks of which 6 seeds; instruction generation with temperature 0.7, top_p 0.5, presence penalty
 * 2 and 1024 tokens, stopping before item 16; greedy decoding for classification (3 tokens) and instances.
 *
 * @param instancesPerTask   instances kept per instruction (1..5; the paper keeps up to 5)
 * @param maxFruitlessInARow generation calls in a row without any accepted instruction before the run gives up
 */
public record SelfInstructSettings(int instancesPerTask, int inContextTotal, int inContextSeeds,
                                   Sampling generation, Sampling classification, Sampling instances,
                                   int maxFruitlessInARow) {

    public static final int MAX_INSTANCES_PER_TASK = 5;

    public SelfInstructSettings {
        if (instancesPerTask < 1 || instancesPerTask > MAX_INSTANCES_PER_TASK) {
            throw new BadInputException("--instances-per-task must be within 1.." + MAX_INSTANCES_PER_TASK
                    + ", was " + instancesPerTask);
        }
    }

    public static SelfInstructSettings defaults(int instancesPerTask) {
        return new SelfInstructSettings(instancesPerTask, 8, 6,
                new Sampling(0.7, 0.5, 1024, 2.0, List.of("\n16.", "\n16)")),
                Sampling.greedy(3),
                new Sampling(0.0, null, 1024, null, List.of("\nTask:")),
                200);
    }

    /** Sampling per stage name, e.g. for the config file's {@code sampling:} section. */
    public Map<String, Sampling> samplingByStage() {
        Map<String, Sampling> m = new LinkedHashMap<>();
        m.put(SelfInstructPrompts.STAGE_GENERATION, generation);
        m.put(SelfInstructPrompts.STAGE_CLASSIFICATION, classification);
        m.put(SelfInstructPrompts.STAGE_INSTANCES, instances);
        return m;
    }

    /** The same settings with the sampling of each stage replaced from {@code byStage}. */
    public SelfInstructSettings withSampling(Map<String, Sampling> byStage) {
        return new SelfInstructSettings(instancesPerTask, inContextTotal, inContextSeeds,
                byStage.getOrDefault(SelfInstructPrompts.STAGE_GENERATION, generation),
                byStage.getOrDefault(SelfInstructPrompts.STAGE_CLASSIFICATION, classification),
                byStage.getOrDefault(SelfInstructPrompts.STAGE_INSTANCES, instances),
                maxFruitlessInARow);
    }

    /** The settings a resumed run must share with the first session (written to the manifest). */
    public Map<String, Object> manifestSettings() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instances_per_task", instancesPerTask);
        m.put("in_context_total", inContextTotal);
        m.put("in_context_seeds", inContextSeeds);
        Map<String, Object> sampling = new LinkedHashMap<>();
        samplingByStage().forEach((stage, s) -> sampling.put(stage, describe(s)));
        m.put("sampling", sampling);
        return m;
    }

    private static Map<String, Object> describe(Sampling s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("temperature", s.temperature());
        m.put("top_p", s.topP());
        m.put("max_tokens", s.maxTokens());
        m.put("presence_penalty", s.presencePenalty());
        m.put("stop", s.stop());
        return m;
    }
}
