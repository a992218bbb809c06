package dev.instructgen.review.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.instructgen.dataset.JsonCodec;
import dev.instructgen.review.ReviewDecision;
import dev.instructgen.review.ReviewJournal;
import dev.instructgen.review.ReviewLedger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The review page's JSON endpoints:
 * {@code GET /api/records} (filtered list), {@code GET /api/record?record=&id=} (one record with its review),
 * {@code POST /api/reviews} (append a decision). Every call first reads what the run appended since.
 */
final class ReviewApi {

    private static final ObjectMapper JSON = JsonCodec.mapper();

    private final Path runDir;
    private final RunRecords records;
    private final ReviewJournal journal;
    private final Clock clock;

    ReviewApi(Path runDir, RunRecords records, ReviewJournal journal, Clock clock) {
        this.runDir = runDir;
        this.records = records;
        this.journal = journal;
        this.clock = clock;
    }

    void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        records.refresh();
        if (method.equals("GET") && path.equals("/api/records")) {
            json(exchange, 200, list(RecordQuery.parse(exchange.getRequestURI().getRawQuery())));
        } else if (method.equals("GET") && path.equals("/api/record")) {
            var p = RecordQuery.params(exchange.getRequestURI().getRawQuery());
            String record = ReviewDecision.REJECTED.equals(p.get("record")) ? ReviewDecision.REJECTED
                    : ReviewDecision.EXAMPLE;
            ObjectNode node = records.find(record, p.getOrDefault("id", ""));
            if (node == null) {
                json(exchange, 404, error("no " + record + " with id " + p.get("id")));
            } else {
                json(exchange, 200, detail(record, node, ReviewLedger.load(runDir)));
            }
        } else if (method.equals("POST") && path.equals("/api/reviews")) {
            review(exchange);
        } else {
            json(exchange, 404, error("no such endpoint: " + method + " " + path));
        }
    }

    private ObjectNode list(RecordQuery query) {
        ReviewLedger ledger = ReviewLedger.load(runDir);
        List<ObjectNode> all = records.list(query.record());
        List<ObjectNode> matching = all.stream().filter(node -> query.matches(node, ledger)).toList();
        ObjectNode result = JSON.createObjectNode();
        result.put("record", query.record());
        result.put("total", all.size());
        result.put("matching", matching.size());
        result.put("examples", records.list(ReviewDecision.EXAMPLE).size());
        result.put("rejected", records.list(ReviewDecision.REJECTED).size());
        result.putPOJO("reviewed", ledger.exampleCounts());
        ArrayNode items = result.putArray("items");
        matching.stream().skip(query.offset()).limit(query.limit()).forEach(node -> {
            ObjectNode item = items.addObject();
            item.put("id", node.path("id").asText());
            item.put("instruction", abbreviate(node.path("instruction").asText(""), 160));
            item.put("method", node.path("method").asText(null));
            item.put("reason", node.path("reason").asText(null));
            item.put("task_id", node.path("task_id").asText(null));
            JsonNode score = RecordQuery.score(node);
            if (score != null) {
                item.set("score", score);
            }
            item.put("status", query.status(node, ledger));
        });
        ObjectNode facets = result.putObject("facets");
        facets.putPOJO("method", RecordQuery.distinct(all, "method"));
        facets.putPOJO("reason", RecordQuery.distinct(all, "reason"));
        return result;
    }

    private static ObjectNode detail(String record, ObjectNode node, ReviewLedger ledger) {
        ObjectNode result = JSON.createObjectNode();
        result.put("record", record);
        result.set("data", node);
        ledger.review(record, node.path("id").asText()).ifPresentOrElse(
                review -> result.set("review", JSON.valueToTree(review)),
                () -> result.putNull("review"));
        return result;
    }

    private void review(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            // A foreign page cannot send JSON without a CORS preflight, which this server never grants.
            json(exchange, 415, error("expected Content-Type: application/json"));
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        } catch (IOException e) {
            json(exchange, 400, error("not JSON: " + e.getMessage()));
            return;
        }
        String record = ReviewDecision.REJECTED.equals(body.path("record").asText()) ? ReviewDecision.REJECTED
                : ReviewDecision.EXAMPLE;
        String id = body.path("id").asText("");
        ObjectNode node = records.find(record, id);
        if (node == null) {
            json(exchange, 404, error("no " + record + " with id " + id));
            return;
        }
        ReviewDecision decision;
        try {
            ReviewDecision.Edit edit = body.hasNonNull("edit")
                    ? JSON.treeToValue(body.get("edit"), ReviewDecision.Edit.class) : null;
            decision = new ReviewDecision(id, record, decision(body.path("decision").asText()),
                    body.path("reason").asText(null), edit,
                    Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        } catch (IllegalArgumentException | IOException e) {
            json(exchange, 400, error(e.getMessage()));
            return;
        }
        journal.append(decision);
        json(exchange, 200, detail(record, node, ReviewLedger.load(runDir)));
    }

    private static ReviewDecision.Decision decision(String text) {
        return switch (text) {
            case "accepted" -> ReviewDecision.Decision.ACCEPTED;
            case "rejected" -> ReviewDecision.Decision.REJECTED;
            case "edited" -> ReviewDecision.Decision.EDITED;
            default -> throw new IllegalArgumentException("decision must be accepted, rejected or edited");
        };
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        ReviewServer.send(exchange, status, "application/json; charset=utf-8",
                JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }
}
