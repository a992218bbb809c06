package dev.instructgen.review.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.instructgen.review.ReviewDecision;
import dev.instructgen.review.ReviewLedger;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The filters of the review page's list: which journal, method, reason, task, review status, a score range
 * and a text search over instruction, input and output (case-insensitive).
 */
record RecordQuery(String record, String method, String reason, String task, String status, Double minScore,
                   Double maxScore, String text, int offset, int limit) {

    static RecordQuery parse(String rawQuery) {
        Map<String, String> p = params(rawQuery);
        String record = ReviewDecision.REJECTED.equals(p.get("record")) ? ReviewDecision.REJECTED
                : ReviewDecision.EXAMPLE;
        return new RecordQuery(record, blankToNull(p.get("method")), blankToNull(p.get("reason")),
                blankToNull(p.get("task")), blankToNull(p.get("status")), number(p.get("min_score")),
                number(p.get("max_score")), blankToNull(p.get("q")), integer(p.get("offset"), 0, 0),
                Math.min(integer(p.get("limit"), 50, 1), 500));
    }

    boolean matches(ObjectNode node, ReviewLedger ledger) {
        if (method != null && !method.equals(node.path("method").asText())) {
            return false;
        }
        if (reason != null && !reason.equals(node.path("reason").asText())) {
            return false;
        }
        if (task != null && !task.equals(node.path("task_id").asText())) {
            return false;
        }
        if (status != null && !status.equals(status(node, ledger))) {
            return false;
        }
        if (minScore != null || maxScore != null) {
            JsonNode score = score(node);
            if (score == null || (minScore != null && score.asDouble() < minScore)
                    || (maxScore != null && score.asDouble() > maxScore)) {
                return false;
            }
        }
        if (text != null) {
            String needle = text.toLowerCase(Locale.ROOT);
            return contains(node, "instruction", needle) || contains(node, "input", needle)
                    || contains(node, "output", needle) || contains(node, "id", needle);
        }
        return true;
    }

    String status(ObjectNode node, ReviewLedger ledger) {
        Optional<ReviewLedger.Review> review = ledger.review(record, node.path("id").asText());
        return review.map(ReviewLedger.Review::status).orElse("unreviewed");
    }

    /** A judge's score where the record has one ({@code score}, or {@code judge.score}). */
    static JsonNode score(JsonNode node) {
        JsonNode score = node.get("score");
        if (score == null || !score.isNumber()) {
            score = node.path("judge").get("score");
        }
        return score != null && score.isNumber() ? score : null;
    }

    private static boolean contains(JsonNode node, String field, String needle) {
        return node.path(field).asText("").toLowerCase(Locale.ROOT).contains(needle);
    }

    static Map<String, String> params(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Double number(String value) {
        try {
            return value == null || value.isBlank() ? null : Double.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int integer(String value, int fallback, int min) {
        try {
            return value == null ? fallback : Math.max(min, Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The distinct values of a field, for the filter menus. */
    static List<String> distinct(List<ObjectNode> nodes, String field) {
        return nodes.stream().map(n -> n.path(field).asText("")).filter(s -> !s.isEmpty()).distinct().sorted()
                .limit(200).toList();
    }
}
