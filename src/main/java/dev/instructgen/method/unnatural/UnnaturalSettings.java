package dev.instructgen.method.unnatural;

import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.Sampling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Unnatural Instructions' settings (Honovich et al. 2023, sections 2.1-2.3): 3 demonstrations of instruction,
 * input and constraints per core request, sampled with nucleus sampling (top_p 0.99, temperature 1); outputs with
 * greedy decoding; {@code paraphrases} reformulations of each core instruction (the paper expands 64k core examples
 * to 240k with several reformulations each).
 *
 * @param paraphrases        alternative formulations asked for per core example (0 turns expansion off)
 * @param maxFruitlessInARow core requests in a row without a new instruction before the run stops proposing
 */
public record UnnaturalSettings(int demos, int paraphrases, Sampling core, Sampling output, Sampling paraphrase,
                                int maxFruitlessInARow) {

    public static final String STAGE_CORE = "core-generation";
    public static final String STAGE_OUTPUT = "output-generation";
    public static final String STAGE_PARAPHRASE = "paraphrase";

    public UnnaturalSettings {
        if (paraphrases < 0 || paraphrases > 10) {
            throw new BadInputException("--paraphrases must be within 0..10, was " + paraphrases);
        }
    }

    public static UnnaturalSettings defaults(int paraphrases) {
        return new UnnaturalSettings(3, paraphrases,
                new Sampling(1.0, 0.99, 512, null, List.of("\nExample ")),
                Sampling.greedy(1024),
                new Sampling(0.7, null, 512, null, List.of()),
                200);
    }

    public Map<String, Sampling> samplingByStage() {
        Map<String, Sampling> m = new LinkedHashMap<>();
        m.put(STAGE_CORE, core);
        m.put(STAGE_OUTPUT, output);
        m.put(STAGE_PARAPHRASE, paraphrase);
        return m;
    }

    public UnnaturalSettings withSampling(Map<String, Sampling> byStage) {
        return new UnnaturalSettings(demos, paraphrases, byStage.getOrDefault(STAGE_CORE, core),
                byStage.getOrDefault(STAGE_OUTPUT, output), byStage.getOrDefault(STAGE_PARAPHRASE, paraphrase),
                maxFruitlessInARow);
    }

    /** What a resumed run must share with the first session, in the manifest's order. */
    public Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("demos", demos);
        m.put("paraphrases", paraphrases);
        Map<String, Object> sampling = new LinkedHashMap<>();
        samplingByStage().forEach((stage, s) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("temperature", s.temperature());
            d.put("top_p", s.topP());
            d.put("max_tokens", s.maxTokens());
            d.put("presence_penalty", s.presencePenalty());
            d.put("stop", s.stop());
            sampling.put(stage, d);
        });
        m.put("sampling", sampling);
        return m;
    }
}
