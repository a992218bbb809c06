package dev.instructgen.filter.quality;

import com.fasterxml.jackson.databind.JsonNode;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.text.ReasoningBlocks;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a score and rationale out of a judge's reply. The prompt asks for {@code {"score": x, "rationale": "..."}},
 * but local models wrap it in code fences, surround it with prose, reason first in {@code <think>} blocks, or answer
 * "Score: 4/5" instead; all of these are read. Anything else, or a score outside 0-5, is unreadable.
 */
public final class JudgeReplyParser {

    /** What the judge said, once read. */
    public record Parsed(double score, String rationale) {
    }

    /** The rubric's scale (AlpaGasus, Chen et al. 2023: 0-5). */
    public static final double MAX_SCORE = 5.0;

    private static final Pattern JSON_OBJECT = Pattern.compile("\\{[^{}]*}", Pattern.DOTALL);
    private static final Pattern SCORE_LINE = Pattern.compile(
            "(?i)\\b(?:score|rating)\\b\\**\\s*[:=]?\\s*\\**\\s*(\\d+(?:\\.\\d+)?)\\s*(?:/\\s*(\\d+(?:\\.\\d+)?)"
                    + "|out of\\s+(\\d+(?:\\.\\d+)?))?");
    private static final Pattern RATIONALE_LINE = Pattern.compile(
            "(?im)^\\W*(?:rationale|reason|explanation)\\W*[:=]\\s*(.+)$");

    /** The verdict in {@code reply}, or empty when no score in 0-5 can be read from it. */
    public Optional<Parsed> parse(String reply) {
        String text = ReasoningBlocks.strip(reply);
        if (text.isBlank()) {
            return Optional.empty();
        }
        Matcher objects = JSON_OBJECT.matcher(text);
        while (objects.find()) {
            Optional<Parsed> parsed = fromJson(objects.group());
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return fromProse(text);
    }

    private static Optional<Parsed> fromJson(String candidate) {
        JsonNode node;
        try {
            node = JsonCodec.mapper().readTree(candidate);
        } catch (java.io.IOException notJson) {
            return Optional.empty();
        }
        JsonNode score = node.get("score");
        if (score == null) {
            return Optional.empty();
        }
        Double value = score.isNumber() ? Double.valueOf(score.asDouble())
                : score.isTextual() ? number(score.asText().strip()) : null;
        JsonNode rationale = node.get("rationale");
        return inRange(value, rationale == null || rationale.isNull() ? "" : rationale.asText().strip());
    }

    private static Optional<Parsed> fromProse(String text) {
        Matcher m = SCORE_LINE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        Double value = number(m.group(1));
        String scale = m.group(2) != null ? m.group(2) : m.group(3);
        if (value != null && scale != null) {
            Double outOf = number(scale);
            if (outOf == null || outOf <= 0) {
                return Optional.empty();
            }
            value = value / outOf * MAX_SCORE; // "Score: 8/10" is 4 on our scale
        }
        Matcher r = RATIONALE_LINE.matcher(text);
        return inRange(value, r.find() ? r.group(1).strip() : "");
    }

    private static Optional<Parsed> inRange(Double value, String rationale) {
        if (value == null || value.isNaN() || value < 0 || value > MAX_SCORE) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(value, rationale));
    }

    private static Double number(String s) {
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
