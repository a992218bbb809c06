package dev.instructgen.filter.quality;

import dev.instructgen.error.BadInputException;
import dev.instructgen.teacher.Sampling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the LLM judge scores and what it keeps.
 *
 * @param minScore     examples scored below this are rejected as {@code low_quality}; 4.5 by default, the
 *                     threshold AlpaGasus (Chen et al. 2023, §3) used to keep 9k of Alpaca's 52k examples
 * @param onUnreadable what happens to an example whose verdict cannot be read after one retry
 * @param sampling     the judge's requests: greedy and short by default, the verdict is one small JSON object
 */
public record JudgeSettings(double minScore, OnUnreadable onUnreadable, Sampling sampling) {

    public static final double DEFAULT_MIN_SCORE = 4.5;

    /** Greedy, with room for a rationale (and for a short reasoning block of models that think first). */
    public static final Sampling DEFAULT_SAMPLING = Sampling.greedy(512);

    public JudgeSettings {
        Objects.requireNonNull(onUnreadable, "onUnreadable");
        Objects.requireNonNull(sampling, "sampling");
        if (!(minScore >= 0 && minScore <= JudgeReplyParser.MAX_SCORE)) {
            throw new BadInputException("--min-score must be within 0..5, was " + minScore);
        }
    }

    public static JudgeSettings defaults() {
        return new JudgeSettings(DEFAULT_MIN_SCORE, OnUnreadable.DROP, DEFAULT_SAMPLING);
    }

    /** What a resumed run must share with its first session (the manifest's {@code judge} settings). */
    public Map<String, Object> manifest(String judgeModel, String template) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", judgeModel);
        m.put("min_score", minScore);
        m.put("on_unreadable", onUnreadable.key());
        m.put("template", template);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("temperature", sampling.temperature());
        s.put("top_p", sampling.topP());
        s.put("max_tokens", sampling.maxTokens());
        m.put("sampling", s);
        return m;
    }
}
