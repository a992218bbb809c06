package dev.instructgen.method.selfchat;

import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.Sampling;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a self-chat run does, validated once. Baize (Xu et al. 2023; collect.py) sends one gpt-3.5-turbo request
 * per seed with the API's default sampling (temperature 1) and no token limit; we keep temperature 1 and give a
 * transcript room for a few exchanges of detailed answers (2048 completion tokens).
 *
 * @param turns              the most user turns a conversation keeps (--turns)
 * @param minTurns           the fewest full exchanges a kept conversation needs (--min-turns)
 * @param sampling           sampling of the transcript requests
 * @param maxFruitlessInARow transcripts in a row without a kept conversation before the run stops proposing
 */
public record SelfChatSettings(int turns, int minTurns, Sampling sampling, int maxFruitlessInARow) {

    /** The stage name: rejected.jsonl's stage, the requests' label, the config file's sampling key. */
    public static final String STAGE = "self-chat";
    public static final int DEFAULT_TURNS = 3;
    public static final int MAX_TURNS = 20;

    public SelfChatSettings {
        if (turns < 1 || turns > MAX_TURNS) {
            throw new BadInputException("--turns must be within 1.." + MAX_TURNS + ", was " + turns);
        }
        if (minTurns < 1 || minTurns > turns) {
            throw new BadInputException("--min-turns must be within 1..--turns (" + turns + "), was " + minTurns);
        }
    }

    public static SelfChatSettings defaults(int turns, int minTurns) {
        return new SelfChatSettings(turns, minTurns, new Sampling(1.0, null, 2048, null, List.of()), 50);
    }

    public Map<String, Sampling> samplingByStage() {
        return Map.of(STAGE, sampling);
    }

    public SelfChatSettings withSampling(Map<String, Sampling> byStage) {
        return new SelfChatSettings(turns, minTurns, byStage.getOrDefault(STAGE, sampling), maxFruitlessInARow);
    }

    /** What a resumed run must share with the first session, in the manifest's order. */
    public Map<String, Object> manifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("turns", turns);
        m.put("min_turns", minTurns);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("temperature", sampling.temperature());
        s.put("top_p", sampling.topP());
        s.put("max_tokens", sampling.maxTokens());
        s.put("presence_penalty", sampling.presencePenalty());
        s.put("stop", sampling.stop());
        m.put("sampling", Map.of(STAGE, s));
        return m;
    }
}
