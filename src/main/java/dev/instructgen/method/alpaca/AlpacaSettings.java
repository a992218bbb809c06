package dev.instructgen.method.alpaca;

import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.Sampling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Alpaca recipe's settings (Taori et al. 2023, generate_instruction.py): 3 seed demonstrations per prompt,
 * 20 tasks asked for, temperature 1.0 and top_p 1.0; 3072 completion tokens leave room for 20 short triples.
 *
 * @param demos              seed triples shown per prompt (seeds only, never generated data)
 * @param tasksPerRequest    triples asked for, and the most read from one reply
 * @param maxFruitlessInARow calls in a row without an accepted example before the run stops proposing
 */
public record AlpacaSettings(int demos, int tasksPerRequest, Sampling generation, int maxFruitlessInARow) {

    public static final String STAGE = "alpaca-generation";

    public AlpacaSettings {
        if (demos < 1) {
            throw new BadInputException("alpaca needs at least one demonstration per prompt, was " + demos);
        }
        if (tasksPerRequest < 1 || tasksPerRequest > 50) {
            throw new BadInputException("--tasks-per-request must be within 1..50, was " + tasksPerRequest);
        }
    }

    public static AlpacaSettings defaults(int tasksPerRequest) {
        return new AlpacaSettings(3, tasksPerRequest, new Sampling(1.0, 1.0, 3072, null, List.of()), 50);
    }

    public Map<String, Sampling> samplingByStage() {
        return Map.of(STAGE, generation);
    }

    public AlpacaSettings withSampling(Map<String, Sampling> byStage) {
        return new AlpacaSettings(demos, tasksPerRequest, byStage.getOrDefault(STAGE, generation),
                maxFruitlessInARow);
    }

    /** What a resumed run must share with the first session, in the manifest's order. */
    public Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("demos", demos);
        m.put("tasks_per_request", tasksPerRequest);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("temperature", generation.temperature());
        s.put("top_p", generation.topP());
        s.put("max_tokens", generation.maxTokens());
        s.put("presence_penalty", generation.presencePenalty());
        s.put("stop", generation.stop());
        m.put("sampling", Map.of(STAGE, s));
        return m;
    }
}
